package dev.ioscope.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioscope.engine.TestData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The typed journal vocabulary: one constant per kind, documented, and no kind spelt as a string in code. */
class JournalKindTest {
    private static final Path REPO = TestData.root().getParent().getParent().getParent().getParent().getParent();

    @Test
    @DisplayName("each kind's name is family.event in lower case, and no two kinds share a name")
    void namesAreDottedAndUnique() {
        Set<String> seen = new HashSet<>();
        for (JournalKind k : JournalKind.values()) {
            assertThat(k.id()).as(k.name()).matches("[a-z]+(\\.[a-z]+(-[a-z]+)*)+");
            assertThat(seen.add(k.id())).as("duplicate " + k.id()).isTrue();
            assertThat(k.name()).isEqualTo(k.id().toUpperCase().replace('.', '_').replace('-', '_'));
            assertThat(JournalKind.of(k.id())).contains(k);
        }
        assertThat(JournalKind.POWER_SET_POWER_STATE.family()).isEqualTo("power");
        assertThat(JournalKind.USERCLIENT_ASYNC_COMPLETE.in(JournalKind.USERCLIENT)).isTrue();
        assertThat(JournalKind.PROBE_SCORE.in(JournalKind.MATCH)).isFalse();
        assertThat(JournalKind.of("power.no-such-kind")).isEmpty();
    }

    @Test
    @DisplayName("every kind the engine journals is documented with its details (docs/scenarios.md, driverkit.md)")
    void everyKindIsDocumented() throws IOException {
        String docs = Files.readString(REPO.resolve("docs/scenarios.md")) + Files.readString(
                REPO.resolve("docs/driverkit.md"));
        List<String> missing = Arrays.stream(JournalKind.values()).map(JournalKind::id)
                .filter(id -> !docs.contains("`" + id + "`")).toList();
        assertThat(missing).isEmpty();
    }

    @Test
    @DisplayName("no main source spells a journal kind as a string: code records and branches on the constants")
    void noKindIsSpeltAsAString() throws IOException {
        Pattern literal = Pattern.compile("\"([a-z]+\\.[a-z.-]+)\"");
        Set<String> ids = new HashSet<>();
        Arrays.stream(JournalKind.values()).forEach(k -> ids.add(k.id()));
        List<String> found = new ArrayList<>();
        List<Path> roots = new ArrayList<>(List.of(REPO.resolve("engine/src/main/java"),
                REPO.resolve("app/src/main/java")));
        try (Stream<Path> plugins = Files.list(REPO.resolve("plugins"))) {
            plugins.map(p -> p.resolve("src/main/java")).filter(Files::isDirectory).forEach(roots::add);
        }
        int files = 0;
        for (Path root : roots) {
            List<Path> sources;
            try (Stream<Path> s = Files.walk(root)) {
                sources = s.filter(p -> p.toString().endsWith(".java")).toList();
            }
            for (Path p : sources) {
                if (p.getFileName().toString().equals("JournalKind.java")) {
                    continue;
                }
                files++;
                String[] lines = Files.readString(p).split("\n");
                for (int i = 0; i < lines.length; i++) {
                    Matcher m = literal.matcher(lines[i]);
                    while (m.find()) {
                        if (ids.contains(m.group(1))) {
                            found.add(REPO.relativize(p) + ":" + (i + 1) + " " + m.group());
                        }
                    }
                }
            }
        }
        assertThat(files).as("sources scanned").isGreaterThan(300);
        assertThat(found).isEmpty();
    }
}
