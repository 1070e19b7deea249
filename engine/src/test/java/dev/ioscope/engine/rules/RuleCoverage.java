package dev.ioscope.engine.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which rules of docs/iokit-rules.md no test cites. A rule is a {@code - **ID — title.**} line; a test cites it
 * when a {@code @DisplayName} string or a test method name of any module's test sources carries the id as a whole
 * token ({@code "S4: ..."}, {@code s4StartFailureFallback}), or when a conformance folder
 * ({@code engine/src/test/resources/conformance/<ID>-<slug>}) is named after it (its dynamic test carries the id).
 * {@code main} prints the uncited ids (scripts/rules-coverage); {@code RuleCoverageTest} fails on any.
 */
public final class RuleCoverage {
    /** The rules document, relative to the checkout's root. */
    public static final String RULES = "docs/iokit-rules.md";
    /** Conformance scenarios, one folder per rule, relative to the checkout's root. */
    public static final String CONFORMANCE = "engine/src/test/resources/conformance";

    /**
     * Sections whose ids are being renumbered on another branch, neither checked for uniqueness nor for coverage
     * until that work is merged. Empty: the Power management section has its PM ids (issue 14).
     */
    public static final Set<String> PENDING_SECTIONS = Set.of();

    private static final Pattern RULE = Pattern.compile("^- \\*\\*([A-Z]+[0-9]+[a-z]?) — ");
    private static final Pattern SECTION = Pattern.compile("^## (.*)$");
    private static final Pattern DISPLAY_NAME = Pattern.compile("@DisplayName\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern METHOD = Pattern.compile("\\bvoid\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z]+[0-9]+[a-z]?");

    private RuleCoverage() {
    }

    /** One rule id and the section it stands in. */
    public record Rule(String id, String section, int line) {
    }

    /** The rules of the document, in order (duplicates included). */
    public static List<Rule> rules(Path root) {
        List<Rule> rules = new ArrayList<>();
        String section = "";
        List<String> lines = read(root.resolve(RULES));
        for (int i = 0; i < lines.size(); i++) {
            Matcher s = SECTION.matcher(lines.get(i));
            if (s.matches()) {
                section = s.group(1);
            }
            Matcher r = RULE.matcher(lines.get(i));
            if (r.find()) {
                rules.add(new Rule(r.group(1), section, i + 1));
            }
        }
        return rules;
    }

    /** Rules outside the pending sections. */
    public static List<Rule> checkedRules(Path root) {
        return rules(root).stream().filter(r -> PENDING_SECTIONS.stream().noneMatch(r.section()::startsWith)).toList();
    }

    /** Ids that stand for more than one rule (outside the pending sections), with "id (lines a, b)". */
    public static List<String> duplicates(Path root) {
        Map<String, List<Integer>> lines = new LinkedHashMap<>();
        for (Rule r : checkedRules(root)) {
            lines.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r.line());
        }
        List<String> out = new ArrayList<>();
        lines.forEach((id, at) -> {
            if (at.size() > 1) {
                out.add(id + " (lines " + at + ")");
            }
        });
        return out;
    }

    /** Every id some test cites, upper-cased as the document writes them (a method's {@code s4} is S4). */
    public static Set<String> citedIds(Path root) {
        Set<String> cited = new TreeSet<>();
        for (Path tests : testSourceRoots(root)) {
            try (Stream<Path> files = Files.walk(tests)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> collect(read(p), cited));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path conformance = root.resolve(CONFORMANCE);
        if (Files.isDirectory(conformance)) {
            try (Stream<Path> dirs = Files.list(conformance)) {
                dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                        .forEach(name -> cited.add(normal(name.split("-", 2)[0])));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cited;
    }

    /** The checked rules no test cites, in document order. */
    public static List<String> uncited(Path root) {
        Set<String> cited = citedIds(root);
        Set<String> out = new LinkedHashSet<>();
        for (Rule r : checkedRules(root)) {
            if (!cited.contains(normal(r.id()))) {
                out.add(r.id());
            }
        }
        return List.copyOf(out);
    }

    /** The checkout's root: the nearest folder up from the working directory that holds the rules document. */
    public static Path root() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(RULES))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find " + RULES + " above " + System.getProperty("user.dir"));
    }

    static void collect(List<String> lines, Set<String> cited) {
        for (String line : lines) {
            Matcher d = DISPLAY_NAME.matcher(line);
            while (d.find()) {
                Matcher t = TOKEN.matcher(d.group(1));
                while (t.find()) {
                    if (wholeToken(d.group(1), t.start(), t.end())) {
                        cited.add(normal(t.group()));
                    }
                }
            }
            Matcher m = METHOD.matcher(line);
            while (m.find()) {
                for (String token : camelTokens(m.group(1))) {
                    cited.add(normal(token));
                }
            }
        }
    }

    /** {@code s4StartFailureFallback} → s4, Start, Failure, Fallback; {@code uc8aVariable} → uc8a, Variable. */
    static List<String> camelTokens(String name) {
        List<String> out = new ArrayList<>();
        for (String part : name.split("_")) {
            for (String token : part.split("(?<=[a-z0-9])(?=[A-Z])")) {
                if (!token.isEmpty()) {
                    out.add(token);
                }
            }
        }
        return out;
    }

    private static boolean wholeToken(String s, int start, int end) {
        return (start == 0 || !Character.isLetterOrDigit(s.charAt(start - 1)))
                && (end == s.length() || !Character.isLetterOrDigit(s.charAt(end)));
    }

    /** Ids compare with the letters of the prefix upper-cased and a trailing sub-letter lower-cased (U8a). */
    static String normal(String id) {
        Matcher m = Pattern.compile("([A-Za-z]+)([0-9]+)([A-Za-z]?)").matcher(id);
        if (!m.matches()) {
            return id;
        }
        return m.group(1).toUpperCase(Locale.ROOT) + m.group(2) + m.group(3).toLowerCase(Locale.ROOT);
    }

    private static List<Path> testSourceRoots(Path root) {
        List<Path> roots = new ArrayList<>();
        for (String module : List.of("engine", "app")) {
            roots.add(root.resolve(module).resolve("src/test/java"));
        }
        Path plugins = root.resolve("plugins");
        if (Files.isDirectory(plugins)) {
            try (Stream<Path> dirs = Files.list(plugins)) {
                dirs.sorted().forEach(d -> roots.add(d.resolve("src/test/java")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return roots.stream().filter(Files::isDirectory).toList();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints each uncited id with its section (and duplicates); exit 1 when there is any. */
    public static void main(String[] args) {
        Path root = args.length > 0 ? Path.of(args[0]) : root();
        List<String> dups = duplicates(root);
        dups.forEach(d -> System.out.println("duplicate id: " + d));
        Map<String, String> sections = new LinkedHashMap<>();
        checkedRules(root).forEach(r -> sections.putIfAbsent(r.id(), r.section()));
        List<String> uncited = uncited(root);
        uncited.forEach(id -> System.out.println(id + "\t" + sections.get(id)));
        System.out.println(uncited.size() + " of " + sections.size() + " rules cited by no test"
                + (PENDING_SECTIONS.isEmpty() ? "" : " (pending, not checked: " + PENDING_SECTIONS + ")"));
        System.exit(uncited.isEmpty() && dups.isEmpty() ? 0 : 1);
    }
}
