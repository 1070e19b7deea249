package dev.ioscope.app.explorer;

import dev.ioscope.app.prefs.AppPreferences;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.engine.explore.RegistryDiff;
import dev.ioscope.engine.explore.SearchField;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryIterator;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryPath;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The explorer's state without a toolkit: synchronous jobs, a preferences node of its own. */
class ExplorerViewModelTest {
    private ExplorerViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new ExplorerViewModel(Jobs.synchronous(), AppPreferences.at("dev/ioscope/test/viewmodel"));
        vm.openSynthetic(3_000);
    }

    private IORegistryEntry find(String path) {
        var d = vm.documentProperty().get();
        return RegistryPath.fromPath(d.registry(), path, null).orElseThrow();
    }

    @Test
    void opensOnTheLastPlaneAndSelectsThePlatformExpert() {
        var doc = vm.documentProperty().get();
        assertThat(doc.registry().size()).isGreaterThanOrEqualTo(3_000);
        assertThat(vm.planes()).extracting(IORegistryPlane::name)
                .containsExactly("IOService", "IODeviceTree", "IOPower");
        assertThat(vm.planeProperty().get().name()).isEqualTo("IOService");
        // First view as IORegistryExplorer's: the platform expert (the IOPlatformExpert under IOService's
        // base, the platform expert device) selected, not the bare root.
        var service = vm.planeProperty().get();
        IORegistryEntry device = doc.registry().root().children(service).get(0);
        assertThat(doc.registry().classes().conformsTo(device, "IOPlatformExpertDevice")).isTrue();
        IORegistryEntry pe = vm.selectedProperty().get();
        assertThat(pe.className()).isEqualTo("AppleACPIPlatformExpert");
        assertThat(pe.parent(service)).isSameAs(device);
        assertThat(vm.statusProperty().get()).contains("entries").contains("3 planes").contains("loaded in");
    }

    @Test
    void searchCountsHitsAndStepsThroughThemInTreeOrder() {
        var s = vm.search();
        s.textProperty().set("disk1");
        assertThat(s.hitsProperty().get()).isNotEmpty();
        assertThat(s.hitsProperty().get()).allSatisfy(e -> assertThat(e.nameWithLocation(vm.planeProperty().get())
                + e.properties()).containsIgnoringCase("disk1"));
        s.next();
        assertThat(vm.selectedProperty().get()).isSameAs(s.hitsProperty().get().get(0));
        assertThat(s.summaryProperty().get()).startsWith("1 of " + s.hitsProperty().get().size());
        s.previous();
        assertThat(vm.selectedProperty().get()).isSameAs(s.hitsProperty().get().get(s.hitsProperty().get().size() - 1));
    }

    @Test
    void advancedFiltersAndRegexErrors() {
        var s = vm.search();
        s.fieldProperty(SearchField.NAME).set(false);
        s.fieldProperty(SearchField.BSD_NAME).set(false);
        s.textProperty().set("IOPCIDevice");
        int pci = s.hitsProperty().get().size();
        assertThat(pci).isPositive();
        assertThat(s.hitsProperty().get()).allSatisfy(e -> assertThat(e.className()).isEqualTo("IOPCIDevice"));
        s.regexProperty().set(true);
        s.textProperty().set("(");
        assertThat(s.hitsProperty().get()).isEmpty();
        assertThat(s.summaryProperty().get()).startsWith("bad regular expression");
    }

    @Test
    void planeSwitchKeepsTheSelectionAndReordersHits() {
        IORegistryEntry pci0 = find("IOService:/AppleACPIPlatformExpert/PCI0@0");
        vm.selectedProperty().set(pci0);
        vm.planeProperty().set(vm.planes().get(1));
        assertThat(vm.selectedProperty().get()).isSameAs(pci0);
        assertThat(RegistryPath.pathOf(vm.documentProperty().get().registry(), pci0, vm.planeProperty().get()))
                .contains("IODeviceTree:/PCI0@0");
        assertThat(vm.preferences().lastPlane()).isEqualTo("IODeviceTree");
    }

    @Test
    void malformedFileReportsTheEngineMessageAndKeepsTheDocument(@TempDir Path dir) throws Exception {
        var before = vm.documentProperty().get();
        Path bad = dir.resolve("broken.ioreg");
        Files.write(bad, new byte[]{'b', 'p', 'l', 'i', 's', 't', '0', '0', 1, 2, 3});
        vm.open(bad);
        assertThat(vm.problemProperty().get()).isNotNull();
        assertThat(vm.problemProperty().get().message()).contains("broken.ioreg");
        assertThat(vm.documentProperty().get()).isSameAs(before);
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void comparisonMarksChangesAndShowsGhostsOfRemovedEntries() {
        var before = vm.documentProperty().get();
        var after = vm.syntheticDocument(3_000);
        // The same generator and seed: one boot's two snapshots. Change one value in "after" before publishing it.
        IORegistryEntry link = RegistryPath.fromPath(after.registry(),
                "IOService:/AppleACPIPlatformExpert/PCI0@0/RP00@1c", null).orElseThrow();
        var props = link.properties().with("IOPCIExpressLinkStatus", OSNumber.of32(0x2042));
        link.setProperties(props);
        vm.compareWith(after);
        var c = vm.comparisonProperty().get();
        assertThat(c).isNotNull();
        assertThat(c.diff().matchedById()).isTrue();
        assertThat(vm.documentProperty().get()).isSameAs(after);
        assertThat(vm.shown().changeOf(link)).isEqualTo(RegistryDiff.Change.CHANGED);
        assertThat(vm.shown().changes(link)).singleElement().satisfies(ch -> {
            assertThat(ch.key()).isEqualTo("IOPCIExpressLinkStatus");
            assertThat(ch.before()).isEqualTo(OSNumber.of32(0x1012));
        });
        assertThat(vm.shown().properties(link)).filteredOn(n -> n.key().equals("IOPCIExpressLinkStatus"))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.status()).isEqualTo(PropertyNode.Status.CHANGED);
                    assertThat(n.before()).isEqualTo("4114 (0x1012)");
                    assertThat(n.value()).isEqualTo("8258 (0x2042)");
                });
        vm.endComparison();
        assertThat(vm.documentProperty().get()).isSameAs(before);
        assertThat(vm.comparisonProperty().get()).isNull();
    }

    @Test
    void exportsTheRegistryAndASubtreeThroughTheEngineWriters(@TempDir Path dir) throws Exception {
        var doc = vm.documentProperty().get();
        Path whole = dir.resolve("whole.json");
        vm.export(whole, SnapshotFormat.JSON, false);
        var back = Snapshots.load(whole);
        assertThat(back.registry().size()).isEqualTo(doc.registry().size());

        IORegistryEntry pci0 = find("IOService:/AppleACPIPlatformExpert/PCI0@0");
        vm.selectedProperty().set(pci0);
        Path part = dir.resolve("pci0.xml");
        vm.export(part, SnapshotFormat.IOREG_XML, true);
        var sub = Snapshots.load(part).registry();
        var plane = vm.planeProperty().get();
        int expected = 1 + IORegistryIterator.collect(pci0, plane,
                IORegistryIterator.ITERATE_RECURSIVELY).size();
        assertThat(sub.size()).isEqualTo(expected + 1); // plus the fresh root
        assertThat(sub.entry(pci0.registryEntryID())).isPresent();
        assertThat(vm.statusProperty().get()).startsWith("Saved pci0.xml");
    }

    @Test
    void recentFilesArePersistedMostRecentFirst(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.txt"), "x");
        Path b = Files.writeString(dir.resolve("b.txt"), "y");
        vm.preferences().addRecentFile(a);
        vm.preferences().addRecentFile(b);
        vm.preferences().addRecentFile(a);
        assertThat(AppPreferences.fromSystemProperty()).isNotNull();
        assertThat(vm.preferences().recentFiles()).containsExactly(a.toAbsolutePath(), b.toAbsolutePath());
    }

    @Test
    void aMachineDescriptionIsBootedAndAScenarioGoesToTheWorkbench(@TempDir Path dir)
            throws Exception {
        Path machine = dir.resolve("tiny.json");
        Files.writeString(machine, """
                {"name": "tiny", "platform": {"type": "platform", "model": "Macmini8,1", "cpus": 2}}""");
        vm.open(machine);
        var doc = vm.documentProperty().get();
        assertThat(doc.file()).isEqualTo(machine);
        assertThat(doc.snapshot().format()).isEqualTo(SnapshotFormat.BOOTED_MACHINE);
        IORegistryEntry expert = doc.registry().root().children(doc.registry().plane(IORegistryPlane.IOSERVICE))
                .get(0);
        assertThat(expert.name()).isEqualTo("Macmini8,1");
        assertThat(vm.scenarioRequestedProperty().get()).isNull();

        // a scenario is not a registry: the explorer keeps its document and asks for a workbench
        Path scenario = Path.of("../docs/examples/power-sleep-wake.json");
        vm.open(scenario);
        assertThat(vm.documentProperty().get()).isSameAs(doc);
        assertThat(vm.scenarioRequestedProperty().get()).isEqualTo(scenario);
        assertThat(vm.problemProperty().get()).isNull();
    }
}
