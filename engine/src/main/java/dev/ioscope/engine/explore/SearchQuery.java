package dev.ioscope.engine.explore;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One registry search: the text, where to look, plain (case-insensitive substring) or regular expression.
 *
 * @param text   what to find; blank matches nothing
 * @param fields where to look (at least one)
 * @param regex  treat text as a {@link Pattern} (case-insensitive, found anywhere in the field;
 *               {@code ^}/{@code $} anchor at each value of a field: each name, class, key, value, path)
 */
public record SearchQuery(String text, Set<SearchField> fields, boolean regex) {
    /** The quick search field: names, classes (with superclasses) and BSD names, as IORegistryExplorer's. */
    public static final Set<SearchField> QUICK = Set.copyOf(EnumSet.of(SearchField.NAME, SearchField.CLASS,
            SearchField.BSD_NAME));

    public SearchQuery {
        Objects.requireNonNull(text, "text");
        fields = fields.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(fields));
    }

    public static SearchQuery quick(String text) {
        return new SearchQuery(text, QUICK, false);
    }

    public boolean isBlank() {
        return text.isBlank() || fields.isEmpty();
    }

    /**
     * True when every hit of this query is a hit of {@code previous}: both plain (substring) searches of the same
     * fields, this text holding the previous one (case-insensitively), so a search may look at the previous hits
     * only. A regular expression never narrows (`ab` holds `a`, yet `a|b` does not hold `a|`).
     */
    public boolean narrows(SearchQuery previous) {
        return previous != null && !regex && !previous.regex && !previous.isBlank() && fields.equals(previous.fields)
                && text.toLowerCase(Locale.ROOT).contains(previous.text.toLowerCase(Locale.ROOT));
    }

    /** The compiled matcher; a bad regular expression is reported with the engine's message. */
    Matcher compile() {
        if (regex) {
            try {
                // The index is lower-cased already; ASCII case folding (no UNICODE_CASE) keeps matching fast.
                // One reused Matcher: a compiled query is used by one search on one thread.
                // A pattern without capitals matches the lower-cased text as is: no case folding at all.
                boolean fold = !text.equals(text.toLowerCase(Locale.ROOT));
                java.util.regex.Matcher m = Pattern.compile(text, fold ? Pattern.CASE_INSENSITIVE | Pattern.MULTILINE
                        : Pattern.MULTILINE).matcher("");
                // Prefilter: a field without the pattern's required literal cannot match, and contains() is ~100x
                // cheaper than find() (regex over every property value of 100k entries: 220 ms -> a few ms).
                String lit = literal(text, fold);
                if (!lit.isEmpty()) {
                    return s -> s.contains(lit) && m.reset(s).find();
                }
                return s -> m.reset(s).find();
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("bad regular expression: " + e.getDescription()
                        + " near index " + e.getIndex(), e);
            }
        }
        String needle = text.toLowerCase(Locale.ROOT);
        // The index holds lower-cased text, so a plain search is a substring test with no per-entry allocation.
        return s -> s.contains(needle);
    }

    /** The required literal in the index's lower case; "" when none (or non-ASCII under ASCII-only folding). */
    static String literal(String pattern, boolean fold) {
        String lit = RegexLiterals.required(pattern);
        if (!fold) {
            return lit;
        }
        for (int i = 0; i < lit.length(); i++) {
            if (lit.charAt(i) > 0x7f) {
                return "";
            }
        }
        return lit.toLowerCase(Locale.ROOT);
    }

    /** Null-safe: a field the entry lacks never matches. */
    interface Matcher {
        boolean test(String lowerCasedField);
    }
}
