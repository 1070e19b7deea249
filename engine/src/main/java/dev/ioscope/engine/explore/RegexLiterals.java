package dev.ioscope.engine.explore;

/**
 * The longest literal text every match of a regular expression must contain, so a search can skip fields
 * without it ({@code String.contains} is ~100x cheaper than {@code Matcher.find}) and run the regex only on the
 * few that have it. Conservative: when in doubt (alternation, groups, inline flags, quoting) it finds nothing and
 * the caller scans every field.
 */
final class RegexLiterals {
    private RegexLiterals() {
    }

    /**
     * The longest required literal of {@code pattern}, or "" when none can be proven. Only top-level runs of plain
     * characters count: a character followed by {@code ? * {} is optional and ends a run; {@code +} keeps the
     * character but ends the run; classes, dots, anchors and escapes like {@code \d} end a run.
     */
    static String required(String pattern) {
        if (pattern.indexOf('|') >= 0 || pattern.contains("(?") || pattern.contains("\\Q")) {
            return "";
        }
        String best = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            char lit;
            int next;
            if (c == '\\') {
                if (i + 1 >= n) {
                    return "";
                }
                char e = pattern.charAt(i + 1);
                if (Character.isLetterOrDigit(e)) {
                    // \d \w \s \b \x41 \p{..} \1 ...: not a plain character.
                    best = longer(best, run);
                    run.setLength(0);
                    i += 2;
                    continue;
                }
                lit = e;
                next = i + 2;
            } else if (c == '[') {
                best = longer(best, run);
                run.setLength(0);
                i = skipClass(pattern, i);
                if (i < 0) {
                    return "";
                }
                continue;
            } else if ("().^$*+?{}".indexOf(c) >= 0) {
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
                best = longer(best, run);
                run.setLength(0);
                i++;
                continue;
            } else {
                lit = c;
                next = i + 1;
            }
            char q = next < n ? pattern.charAt(next) : 0;
            if (depth > 0) {
                // Inside a group that may itself be optional: never counted.
                i = next;
                continue;
            }
            if (q == '?' || q == '*' || q == '{') {
                best = longer(best, run);
                run.setLength(0);
            } else if (q == '+') {
                run.append(lit);
                best = longer(best, run);
                run.setLength(0);
            } else {
                run.append(lit);
            }
            i = next;
        }
        return longer(best, run);
    }

    /** The index after a character class {@code [...]}, or -1 when it does not close. */
    private static int skipClass(String p, int open) {
        int i = open + 1;
        if (i < p.length() && p.charAt(i) == '^') {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++; // a leading ] is a member
        }
        int nested = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                nested++;
            } else if (c == ']') {
                if (nested == 0) {
                    return i + 1;
                }
                nested--;
            }
            i++;
        }
        return -1;
    }

    private static String longer(String best, StringBuilder run) {
        return run.length() > best.length() ? run.toString() : best;
    }
}
