package dev.ioscope.installer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default build's cheap check of what the installer profile hands jpackage: the file-association and
 * launcher property files carry the keys jpackage reads (jpackage's --file-associations / --add-launcher docs).
 */
class JpackageConfigTest {
    private static final Path DIR = Path.of(System.getProperty("ioscope.installer.jpackageDir", "src/main/jpackage"));

    @Test
    void fileAssociationsCoverIoregDtbAndScenarios() throws IOException {
        Map<String, Properties> byExtension = new TreeMap<>();
        try (Stream<Path> files = Files.list(DIR.resolve("associations"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".properties")).toList()) {
                Properties p = load(f);
                assertThat(p.stringPropertyNames()).as("keys of %s", f.getFileName())
                        .containsExactlyInAnyOrder("extension", "mime-type", "description", "icon");
                // jpackage adds the dot itself; a leading one would register "..ioreg".
                assertThat(p.getProperty("extension")).doesNotStartWith(".").isLowerCase();
                assertThat(p.getProperty("mime-type")).matches("application/[a-z0-9.+-]+");
                // Filled in per platform by the profile's resource filtering (.png, .icns or .ico).
                assertThat(p.getProperty("icon")).isEqualTo("${installer.iconFile}");
                byExtension.put(p.getProperty("extension"), p);
            }
        }
        assertThat(byExtension).containsOnlyKeys("dtb", "ioreg", "ioscope-scenario.json");
        assertThat(byExtension.values()).extracting(p -> p.getProperty("mime-type")).doesNotHaveDuplicates();
    }

    @Test
    void cliLauncherIsAConsoleProgramWithoutShortcuts() throws IOException {
        Properties p = load(DIR.resolve("launchers/ioscope-cli.properties"));
        assertThat(p.getProperty("win-console")).isEqualTo("true");
        assertThat(p.getProperty("win-shortcut")).isEqualTo("false");
        assertThat(p.getProperty("win-menu")).isEqualTo("false");
        assertThat(p.getProperty("linux-shortcut")).isEqualTo("false");
        assertThat(p.getProperty("icon")).isEqualTo("${installer.iconFile}");
        assertThat(p.stringPropertyNames()).doesNotContain("main-class", "main-jar"); // same entry point as IOScope
    }

    private static Properties load(Path f) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f)) {
            p.load(r);
        }
        return p;
    }
}
