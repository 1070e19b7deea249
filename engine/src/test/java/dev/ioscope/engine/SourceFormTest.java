package dev.ioscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The form every Java source of the checkout keeps (docs/development.md, "Size and form"): imports rather than
 * fully qualified names inline (scripts/fqn-to-imports.py converts them), no star imports, no tabs, no trailing
 * whitespace. Comments and string literals are not code and are not checked for names.
 */
class SourceFormTest {
    private static final Path REPO = TestData.root().getParent().getParent().getParent().getParent().getParent();
    private static final Pattern FQN = Pattern.compile(
            "(?<![\\w.])(?:java|javax|javafx|com|org|dev|net|picocli)\\.(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*");
    /** Where importing the name would clash with a simple name the file already uses (file name: the FQN). */
    private static final Set<String> CLASHES = Set.of("SearchQuery.java: java.util.regex.Matcher");

    @Test
    @DisplayName("no Java source names a class by its fully qualified name in code, star-imports, or has tabs or "
            + "trailing whitespace")
    void sourcesUseImportsAndPlainWhitespace() throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.walk(REPO)) {
            sources = s.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/")
                    && !p.toString().contains("/target/") && !p.toString().contains("/.git/")).toList();
        }
        List<String> found = new ArrayList<>();
        for (Path p : sources) {
            String src = Files.readString(p);
            String[] code = codeOnly(src).split("\n", -1);
            String[] text = src.split("\n", -1);
            for (int i = 0; i < text.length; i++) {
                String where = REPO.relativize(p) + ":" + (i + 1) + " ";
                if (text[i].indexOf('\t') >= 0) {
                    found.add(where + "tab");
                }
                if (text[i].endsWith(" ")) {
                    found.add(where + "trailing whitespace");
                }
                String line = code[i].strip();
                if (line.startsWith("import ") && line.endsWith(".*;") && !line.startsWith("import static ")) {
                    found.add(where + "star import");
                }
                if (line.startsWith("import ") || line.startsWith("package ")) {
                    continue;
                }
                Matcher m = FQN.matcher(code[i]);
                while (m.find()) {
                    if (!CLASHES.contains(p.getFileName() + ": " + m.group())) {
                        found.add(where + m.group());
                    }
                }
            }
        }
        assertThat(sources).as("sources").hasSizeGreaterThan(500);
        assertThat(found).isEmpty();
    }

    /** The test-class names the build's Surefire runs (the root pom's includes); others never run. */
    private static final Pattern RUN_BY_SUREFIRE = Pattern.compile("Test\\w*|\\w*(?:Test|Tests|TestCase|Properties)");
    private static final Pattern TEST_ANNOTATION = Pattern.compile(
            "@(?:Test|Property|ParameterizedTest|RepeatedTest|TestFactory|Example)\\b");

    @Test
    @DisplayName("every test class is named so that the build's Surefire runs it (a *Properties class once was not)")
    void everyTestClassIsOneTheBuildRuns() throws IOException {
        List<Path> tests;
        try (Stream<Path> s = Files.walk(REPO)) {
            tests = s.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/test/java/")
                    && !p.toString().contains("/target/") && !p.toString().contains("/.git/")).toList();
        }
        List<String> unrun = new ArrayList<>();
        for (Path p : tests) {
            String name = p.getFileName().toString().replace(".java", "");
            boolean integration = name.endsWith("IT");   // Failsafe's, in the installer's build
            if (!integration && TEST_ANNOTATION.matcher(codeOnly(Files.readString(p))).find()
                    && !RUN_BY_SUREFIRE.matcher(name).matches()) {
                unrun.add(REPO.relativize(p).toString());
            }
        }
        assertThat(tests).as("test sources").hasSizeGreaterThan(200);
        assertThat(unrun).isEmpty();
    }

    /** The source with comments and string and character literals blanked (line breaks kept). */
    static String codeOnly(String src) {
        StringBuilder out = new StringBuilder(src);
        int n = src.length();
        int i = 0;
        while (i < n) {
            int end;
            if (src.startsWith("//", i)) {
                end = src.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (src.startsWith("/*", i)) {
                end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                end = src.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
            } else if (src.charAt(i) == '"' || src.charAt(i) == '\'') {
                char q = src.charAt(i);
                end = i + 1;
                while (end < n && src.charAt(end) != q) {
                    end += src.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, n);
            } else {
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                if (out.charAt(k) != '\n') {
                    out.setCharAt(k, ' ');
                }
            }
            i = end;
        }
        return out.toString();
    }
}
