package dev.ioscope.app.explorer;

import dev.ioscope.app.TestData;
import dev.ioscope.app.prefs.AppPreferences;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.plist.BinaryPlistReader;
import dev.ioscope.engine.os.plist.BinaryPlistWriter;
import dev.ioscope.engine.os.plist.PlistValue;
import dev.ioscope.engine.os.plist.PlistValue.PArray;
import dev.ioscope.engine.os.plist.PlistValue.PData;
import dev.ioscope.engine.os.plist.PlistValue.PDict;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file opens to its tree with its archive's property tables pending (issue 18: the first window shows the tree
 * and one entry's properties, not 1,859 decoded tables); they are decoded, with the index, from when the tree is
 * drawn (here: when the index starts), and a bad one is then reported as a failed open reports it.
 */
class PendingTablesTest {
    private static final String BAD_PLACE = "archive object 6 (RexRegistryEntry) key 'properties'";

    private ExplorerViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new ExplorerViewModel(Jobs.synchronous(), AppPreferences.at("dev/ioscope/test/pendingtables"));
    }

    @Test
    void aFileShowsItsTreeBeforeItsTablesAndTheSelectedEntryDecodesItsOwn() {
        vm.openSynthetic(100);
        vm.open(TestData.path("snapshots/MacBookPro15-1.ioreg"));
        Document doc = vm.documentProperty().get();
        assertThat(doc.title()).isEqualTo("MacBookPro15-1.ioreg");
        assertThat(doc.registry().entries()).hasSize(1859);
        assertThat(doc.snapshot().tables().size()).isEqualTo(1859);
        // nothing decodes them before the tree is drawn: not the open, not background threads
        assertThat(doc.registry().entries()).allMatch(IORegistryEntry::propertiesPending);

        IORegistryEntry xhc = doc.registry().entries().stream()
                .filter(e -> e.name().equals("XHC1") && e.className().equals("IOPCIDevice")).findFirst()
                .orElseThrow();
        // the value read by hand with python3 plistlib (engine's IoregArchiveReaderTest)
        assertThat(xhc.property("IOName")).isEqualTo(OSString.of("pci8086,a36d"));
        assertThat(doc.registry().entries().stream().filter(e -> !e.propertiesPending())).containsExactly(xhc);

        doc.searchIndex().start(); // what the tree does once its first frame is drawn
        assertThat(doc.registry().entries()).noneMatch(IORegistryEntry::propertiesPending);
        assertThat(vm.problemProperty().get()).isNull();
        assertThat(vm.documentProperty().get()).isSameAs(doc);
    }

    @Test
    void aBadTableFoundAfterTheTreeIsReportedAndTheWindowGoesBack(@TempDir Path dir) throws Exception {
        vm.openSynthetic(100);
        Document before = vm.documentProperty().get();
        List<Path> recentBefore = List.copyOf(vm.recentFiles());
        Path bad = badArchive(dir);
        vm.open(bad);
        Document opened = vm.documentProperty().get();
        assertThat(opened.title()).isEqualTo("bad.ioreg");
        assertThat(vm.problemProperty().get()).isNull();
        assertThat(vm.recentFiles()).first().isEqualTo(bad.toAbsolutePath().normalize());

        opened.searchIndex().start();
        assertThat(vm.problemProperty().get()).isNotNull();
        assertThat(vm.problemProperty().get().title()).isEqualTo("Cannot open bad.ioreg");
        assertThat(vm.problemProperty().get().message()).contains("bad.ioreg").contains(BAD_PLACE);
        assertThat(vm.documentProperty().get()).isSameAs(before);
        assertThat(vm.recentFiles()).as("File > Open Recent as a failed open leaves it").isEqualTo(recentBefore);
    }

    @Test
    void aBadFirstFileFallsBackToTheVirtualMacAsAFailedOpenDoes(@TempDir Path dir) throws Exception {
        vm.open(badArchive(dir));
        vm.documentProperty().get().searchIndex().start();
        assertThat(vm.problemProperty().get().message()).contains(BAD_PLACE);
        assertThat(vm.documentProperty().get().title()).isEqualTo("Virtual Mac (booted)");
    }

    @Test
    void exportingBeforeTheCheckFailsOnTheBadTableAndWritesNothing(@TempDir Path dir) throws Exception {
        vm.open(badArchive(dir));
        Path out = dir.resolve("out.json");
        vm.export(out, SnapshotFormat.JSON, false);
        assertThat(vm.problemProperty().get().message()).contains(BAD_PLACE);
        assertThat(out).doesNotExist();
    }

    @Test
    void comparingWithABadFileFailsOnTheBadTable(@TempDir Path dir) throws Exception {
        vm.openSynthetic(100);
        Document before = vm.documentProperty().get();
        vm.compareWith(badArchive(dir));
        assertThat(vm.problemProperty().get().message()).contains(BAD_PLACE);
        assertThat(vm.comparisonProperty().get()).isNull();
        assertThat(vm.documentProperty().get()).isSameAs(before);
    }

    /** The real iMac16,1 archive with one entry's embedded property plist cut short (not well-formed XML). */
    static Path badArchive(Path dir) throws Exception {
        byte[] real = Files.readAllBytes(TestData.path("snapshots/iMac16-1.ioreg"));
        PDict top = (PDict) BinaryPlistReader.read(real, "imac", ParseLimits.DEFAULT);
        List<PlistValue> objects = new ArrayList<>(((PArray) top.get("$objects")).items());
        Map<String, PlistValue> entry = new LinkedHashMap<>(((PDict) objects.get(6)).entries());
        entry.put("properties", PData.wrap("<?xml version=\"1.0\"?><plist><dict><key>a</key></plist>"
                .getBytes(StandardCharsets.UTF_8)));
        objects.set(6, new PDict(entry));
        Map<String, PlistValue> edited = new LinkedHashMap<>(top.entries());
        edited.put("$objects", new PArray(objects));
        Path file = dir.resolve("bad.ioreg");
        Files.write(file, BinaryPlistWriter.write(new PDict(edited)));
        return file;
    }
}
