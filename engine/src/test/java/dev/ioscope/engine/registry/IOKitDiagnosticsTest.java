package dev.ioscope.engine.registry;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry root's IOKitDiagnostics, read from real dumps (figures checked by hand against the text). */
class IOKitDiagnosticsTest {
    static IORegistry load(String file) throws Exception {
        return Snapshots.load(TestData.path("snapshots/" + file)).registry();
    }

    @Test
    @DisplayName("DG1: a real 10.8 dump's root carries the four allocation figures and 910 classes")
    void realMacBookPro8Figures() throws Exception {
        IOKitDiagnostics d = IOKitDiagnostics.of(load("MacBookPro8-1.IOService.txt")).orElseThrow();
        // the dump's own order: Container, Instance, Pageable, Classes, IOMalloc
        assertThat(d.figures()).containsExactly(
                new IOKitDiagnostics.Figure("Container allocation", 6_569_349),
                new IOKitDiagnostics.Figure("Instance allocation", 5_252_992),
                new IOKitDiagnostics.Figure("Pageable allocation", 549_670_912),
                new IOKitDiagnostics.Figure("IOMalloc allocation", 54_778_334));
        assertThat(d.problems()).isEmpty();
        assertThat(d.classes()).hasSize(910);
        assertThat(d.instances("IOUserClient")).contains(30L);
        assertThat(d.instances("OSArray")).contains(5845L);
        assertThat(d.instances("IOServicePM")).contains(113L);
        assertThat(d.instances("_IOConfigThread")).contains(0L);
        assertThat(d.top(3)).extracting(IOKitDiagnostics.ClassCount::className)
                .containsExactly("OSNumber", "OSDictionary", "OSString");
        assertThat(d.top(1).get(0).instances()).isEqualTo(15_557);
    }

    @Test
    @DisplayName("DG1: a macOS 13 dump reads the same way (1060 classes, IOMalloc allocation 19984152)")
    void realMacOS13Figures() throws Exception {
        IOKitDiagnostics d = IOKitDiagnostics.of(load("Hackintosh-DellADL-macOS13.IOService.txt")).orElseThrow();
        assertThat(d.figureMap()).containsEntry("Instance allocation", 24_186_128L)
                .containsEntry("Container allocation", 5_360_766L)
                .containsEntry("Pageable allocation", 41_046_016L)
                .containsEntry("IOMalloc allocation", 19_984_152L);
        assertThat(d.figureMap().keySet()).containsExactlyInAnyOrderElementsOf(IOKitDiagnostics.FIGURE_KEYS);
        assertThat(d.classes()).hasSize(1060);
        assertThat(d.instances("IOACPIPlatformDevice")).contains(316L);
        assertThat(d.instances("AppleALC")).contains(1L);
    }

    @Test
    @DisplayName("DG1: IORegistryExplorer saves (.ioreg) carry it at the root too")
    void ioregFilesCarryIt() throws Exception {
        for (String f : List.of("MacBookPro15-1.ioreg", "iMac16-1.ioreg")) {
            IOKitDiagnostics d = IOKitDiagnostics.of(load(f)).orElseThrow();
            assertThat(d.classes()).as(f).hasSizeGreaterThan(500);
            assertThat(d.instances("IOService")).as(f).hasValueSatisfying(n -> assertThat(n).isPositive());
        }
    }

    @Test
    @DisplayName("DG2: a real IORegistryEntry count is its own instances plus one for IOService, its subclass")
    void realCountIncludesSubclassesWithInstances() throws Exception {
        // The IODeviceTree dump of the same machine, taken with the IOService one, has 25 plain IORegistryEntry
        // objects (the root and the device-tree nodes no driver claimed); the class dictionary says 26: the one
        // more is IOService, a direct subclass with instances (OSMetaClass.h, getInstanceCount).
        IORegistry dt = load("MacBookPro8-1.IODeviceTree.txt");
        long plain = dt.entries().stream().filter(e -> e.className().equals("IORegistryEntry")).count();
        assertThat(plain).isEqualTo(25);
        IOKitDiagnostics d = IOKitDiagnostics.of(load("MacBookPro8-1.IOService.txt")).orElseThrow();
        assertThat(d.instances("IORegistryEntry")).contains(plain + 1);
    }

    @Test
    @DisplayName("DG2: in a real Mac's dump no class with instances has a superclass counted 0")
    void superclassOfALiveClassIsNeverZero() throws Exception {
        // Only the genuine Mac: in the Hackintosh dump SMCWatchDogTimer is VirtualSMC's class of that name (a
        // third-party kext), counted 1 while Apple's IOWatchDogTimer is 0, so it does not derive from it there.
        for (String f : List.of("MacBookPro8-1.IOService.txt")) {
            IORegistry reg = load(f);
            Map<String, Long> counts = IOKitDiagnostics.of(reg).orElseThrow().classMap();
            int checked = 0;
            for (var c : counts.entrySet()) {
                Optional<String> sup = reg.classes().superClass(c.getKey());
                if (c.getValue() > 0 && sup.isPresent() && counts.containsKey(sup.get())) {
                    assertThat(counts.get(sup.get())).as(f + ": " + c.getKey() + " → " + sup.get()).isPositive();
                    checked++;
                }
            }
            assertThat(checked).as(f).isGreaterThan(50);
        }
    }

    @Test
    @DisplayName("DG2: construction counts up the chain on 0 → 1 only; destruction takes it back on 1 → 0")
    void instanceCountsFollowOSMetaClass() {
        ClassCatalogue cat = ClassCatalogue.standard();
        InstanceCounts c = new InstanceCounts(Map.of(), cat::superClass);
        c.constructed("IOPCIDevice");
        c.constructed("IOPCIDevice");
        c.constructed("IOService");
        assertThat(c.count("IOPCIDevice")).isEqualTo(2);
        assertThat(c.count("IOService")).isEqualTo(2);      // its own one + IOPCIDevice has instances
        assertThat(c.count("IORegistryEntry")).isEqualTo(1);
        assertThat(c.count("OSObject")).isEqualTo(1);
        c.destructed("IOPCIDevice");
        assertThat(c.count("IOService")).isEqualTo(2);
        c.destructed("IOPCIDevice");
        assertThat(c.count("IOPCIDevice")).isZero();
        assertThat(c.count("IOService")).isEqualTo(1);
        c.destructed("IOService");
        assertThat(c.asMap()).containsEntry("IOService", 0L).containsEntry("OSObject", 0L);
        c.destructed("IOService");     // nothing left to destroy: never below 0
        assertThat(c.count("IOService")).isZero();
    }

    @Test
    @DisplayName("DG1: a value not of the kernel's form is left out and named")
    void badValuesAreNamed() {
        OSDictionary v = OSDictionary.of("Instance allocation", OSString.of("lots"),
                "Container allocation", OSNumber.of64(7), "Classes", OSDictionary.of("IOService", OSString.of("x"),
                        "IOResources", OSNumber.of32(1)));
        IOKitDiagnostics d = IOKitDiagnostics.from(v).orElseThrow();
        assertThat(d.figures()).containsExactly(new IOKitDiagnostics.Figure("Container allocation", 7));
        assertThat(d.classes()).containsExactly(new IOKitDiagnostics.ClassCount("IOResources", 1));
        assertThat(d.problems()).containsExactly(
                "\"Instance allocation\" is OSString, not a number: left out",
                "class IOService: count is OSString, not a number: left out");
        assertThat(IOKitDiagnostics.from(OSString.of("x"))).isEmpty();
        assertThat(IOKitDiagnostics.from(OSDictionary.of("Classes", OSNumber.of32(3))).orElseThrow().problems())
                .containsExactly("\"Classes\" is OSNumber, not a dictionary: left out");
    }
}
