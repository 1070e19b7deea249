package dev.ioscope.engine.explore;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryIterator;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryPath;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import dev.ioscope.engine.snapshot.text.IoregTextWriter;
import dev.ioscope.engine.snapshot.xml.IoregXmlWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** RegistryDiff on the real saves in the corpus (engine/src/test/resources/real/snapshots). */
class RegistryDiffRealFilesTest {
    private static Snapshot load(String name) throws Exception {
        return Snapshots.load(TestData.path("snapshots/" + name));
    }

    /** The snapshot as `ioreg -a -l -p PLANE` writes it (one plane, sorted keys), read back. */
    private static Snapshot asIoregXml(Snapshot s, String plane) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new IoregXmlWriter(plane, null).write(s, out);
        byte[] xml = out.toByteArray();
        assertThat(new String(xml, 0, 200, StandardCharsets.UTF_8)).contains("<plist");
        return Snapshots.read(xml, "MacBookPro15-1.xml", "MacBookPro15-1.xml",
                ParseLimits.DEFAULT);
    }

    @Test
    void aSevenPlaneSaveAgainstItsOnePlaneXmlComparesOnlyIOService() throws Exception {
        Snapshot ioreg = load("MacBookPro15-1.ioreg");
        IORegistry before = ioreg.registry();
        assertThat(before.planes()).hasSizeGreaterThan(1);
        IORegistry after = asIoregXml(ioreg, "IOService").registry();
        assertThat(after.planes()).extracting(IORegistryPlane::name).containsExactly("IOService");

        var d = RegistryDiff.diff(before, after);
        assertThat(d.sharedPlanes()).containsExactly("IOService");
        assertThat(d.beforeOnlyPlanes()).hasSize(before.planes().size() - 1).doesNotContain("IOService");
        assertThat(d.afterOnlyPlanes()).isEmpty();
        // Entries outside IOService (device-tree nodes, ACPI objects) are not "removed": they are not compared.
        IORegistryPlane service = before.findPlane("IOService").orElseThrow();
        // The IOService tree as a set (an entry with two providers is reached twice), the root included.
        var inService = Collections.newSetFromMap(new IdentityHashMap<IORegistryEntry, Boolean>());
        inService.add(before.root());
        inService.addAll(IORegistryIterator.collect(before.root(), service, IORegistryIterator.ITERATE_RECURSIVELY));
        // Entries in no plane are outside too: a one-plane walk cannot hold them.
        assertThat(d.outsideBefore()).isPositive().isEqualTo(before.size() - inService.size());
        assertThat(d.removed()).isEmpty();
        assertThat(d.added()).isEmpty();
        assertThat(d.changed()).as("changed").extracting(e -> e.name() + d.propertyChanges(e)).isEmpty();
        IORegistryEntry xhc = RegistryPath.fromPath(before, "IOService:/AppleACPIPlatformExpert/PCI0@0/AppleACPIPCI/"
                + "XHC1@14", null).orElseThrow();
        assertThat(d.after(xhc)).isNotNull();
        assertThat(d.after(xhc).className()).isEqualTo(xhc.className());
    }

    @Test
    @DisplayName("iMac16-1.ioreg against its own IOService plane as ioreg -l text: its two entries in no plane are "
            + "not compared (not removed), and named")
    void iMacAgainstItsIoregTextLeavesItsPlanelessEntriesOut() throws Exception {
        Snapshot ioreg = load("iMac16-1.ioreg");
        IORegistry before = ioreg.registry();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new IoregTextWriter().write(ioreg, out);
        IORegistry after = Snapshots.read(out.toByteArray(), "iMac16-1.txt", "iMac16-1.txt", ParseLimits.DEFAULT)
                .registry();
        // The save holds two entries attached in no plane (checked by hand in the file: their plane sets are
        // empty); an ioreg -l walk of IOService cannot print them.
        var nowhere = before.entries().stream().filter(e -> before.planes().stream().noneMatch(e::inPlane))
                .map(IORegistryEntry::name).toList();
        assertThat(nowhere).containsExactly("IOBlockStorageDriver", "RootDomainUserClient");

        var d = RegistryDiff.diff(before, after);
        assertThat(d.sharedPlanes()).containsExactly("IOService");
        assertThat(d.removed()).as("removed").extracting(IORegistryEntry::name).isEmpty();
        assertThat(d.added()).isEmpty();
        assertThat(d.changedCount()).isZero();
        assertThat(d.planelessBefore()).extracting(IORegistryEntry::name)
                .containsExactly("IOBlockStorageDriver", "RootDomainUserClient");
        assertThat(d.planelessAfter()).isEmpty();
        IORegistryPlane service = before.findPlane("IOService").orElseThrow();
        var inService = Collections.newSetFromMap(new IdentityHashMap<IORegistryEntry, Boolean>());
        inService.add(before.root());
        inService.addAll(IORegistryIterator.collect(before.root(), service, IORegistryIterator.ITERATE_RECURSIVELY));
        assertThat(inService).hasSize(after.size());
        assertThat(d.outsideBefore()).isEqualTo(before.size() - inService.size()).isEqualTo(914 - 571);
    }

    @Test
    @DisplayName("Two whole saves with the same planes still compare entries in no plane: one gone is removed")
    void planelessEntriesAreComparedBetweenWholeSaves() throws Exception {
        IORegistry before = load("iMac16-1.ioreg").registry();
        IORegistry after = load("iMac16-1.ioreg").registry();
        IORegistryEntry gone = after.entries().stream().filter(e -> e.name().equals("RootDomainUserClient")
                && after.planes().stream().noneMatch(e::inPlane)).findFirst().orElseThrow();
        after.remove(gone);
        var d = RegistryDiff.diff(before, after);
        assertThat(d.planelessBefore()).isEmpty();
        assertThat(d.removed()).extracting(IORegistryEntry::name).containsExactly("RootDomainUserClient");
        assertThat(d.removed().get(0).planes()).isEmpty();
    }

    @Test
    void iMacBeforeAndAfterASleepSettingAndAnUnpluggedStick() throws Exception {
        Snapshot snap = load("iMac16-1.ioreg");
        IORegistry before = snap.registry();
        Snapshot changed = load("iMac16-1.ioreg");
        IORegistry after = changed.registry();
        IORegistryPlane plane = after.findPlane("IOService").orElseThrow();
        IORegistryEntry pm = RegistryPath.fromPath(after, "IOService:/AppleACPIPlatformExpert/IOPMrootDomain", null)
                .orElseThrow();
        pm.setProperty("IOSleepSupported", OSBoolean.FALSE);
        IORegistryEntry stick = RegistryPath.fromPath(after, "IOService:/AppleACPIPlatformExpert/PCI0@0/AppleACPIPCI/"
                + "XHC1@14/XHC1@14000000/HS01@14100000/Mass Storage Device@14100000", null).orElseThrow();
        var below = IORegistryIterator.collect(stick, plane, IORegistryIterator.ITERATE_RECURSIVELY);
        below.forEach(after::remove);
        after.remove(stick);

        var d = RegistryDiff.diff(before, after);
        assertThat(d.matchedById()).isTrue();
        assertThat(d.sharedPlanes()).hasSize(before.planes().size());
        assertThat(d.beforeOnlyPlanes()).isEmpty();
        assertThat(d.outsideBefore()).isZero();
        assertThat(d.added()).isEmpty();
        assertThat(d.removed()).hasSize(1 + below.size())
                .allSatisfy(e -> assertThat(before.entry(e.registryEntryID())).contains(e));
        assertThat(d.removed()).extracting(IORegistryEntry::name).contains("Mass Storage Device");
        IORegistryEntry pmBefore = d.before(pm);
        assertThat(pmBefore).isNotNull();
        assertThat(d.changeOf(pm)).isEqualTo(RegistryDiff.Change.CHANGED);
        assertThat(d.propertyChanges(pm)).extracting(RegistryDiff.PropertyChange::key)
                .containsExactly("IOSleepSupported");
        assertThat(d.propertyChanges(pm).get(0).before()).isEqualTo(pmBefore.property("IOSleepSupported"));
    }

    @Test
    void aSnapshotAgainstItselfHasNoChanges() throws Exception {
        var d = RegistryDiff.diff(load("MacBookPro15-1.ioreg").registry(), load("MacBookPro15-1.ioreg").registry());
        assertThat(d.added()).isEmpty();
        assertThat(d.removed()).isEmpty();
        assertThat(d.changedCount()).isZero();
        assertThat(d.outsideBefore()).isZero();
        assertThat(d.outsideAfter()).isZero();
    }
}
