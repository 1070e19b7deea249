package dev.ioscope.engine.explore;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryDiffTest {
    @Test
    void sameBootMatchesByIdAndReportsAddedRemovedChanged() {
        TinyRegistry before = new TinyRegistry();
        TinyRegistry after = new TinyRegistry();
        // A kext load: a driver attaches on XHC1 and the controller publishes a new property.
        var driver = after.add(0x100000160L, "AppleUSBXHCIPCI", "AppleUSBXHCIPCI", null, after.xhc,
                OSDictionary.empty());
        after.xhc.setProperty("IOPCIExpressLinkStatus", OSNumber.of32(0x2012));
        after.xhc.setProperty("kUSBSleepSupported", OSString.of("Yes"));
        after.r.detachAll(after.media, after.service);
        after.r.remove(after.media);

        var d = RegistryDiff.diff(before.r, after.r);
        assertThat(d.matchedById()).isTrue();
        assertThat(d.added()).containsExactly(driver);
        assertThat(d.removed()).containsExactly(before.media);
        assertThat(d.changeOf(after.xhc)).isEqualTo(RegistryDiff.Change.CHANGED);
        assertThat(d.changeOf(before.xhc)).isEqualTo(RegistryDiff.Change.CHANGED);
        assertThat(d.changeOf(after.gfx)).isNull();
        assertThat(d.propertyChanges(after.xhc)).containsExactly(
                new RegistryDiff.PropertyChange("IOPCIExpressLinkStatus", OSNumber.of32(0x1012), OSNumber.of32(0x2012)),
                new RegistryDiff.PropertyChange("kUSBSleepSupported", null, OSString.of("Yes")));
        assertThat(d.before(after.pci0)).isSameAs(before.pci0);
    }

    @Test
    void acrossBootsIdsDriftSoEntriesMatchByPathAndClass() {
        TinyRegistry before = new TinyRegistry();
        var after = new IORegistry[1];
        // Rebuild the same tree with every ID shifted, as a second boot numbers entries differently.
        TinyRegistry shifted = new TinyRegistry();
        var r2 = IORegistry.create();
        var s = r2.plane("IOService");
        var pe = r2.createEntry(0x200000001L, "IOPlatformExpertDevice", "J137AP");
        r2.attach(pe, r2.root(), s);
        var pci = r2.createEntry(0x200000002L, "IOPCI2PCIBridge", "PCI0");
        pci.setLocation("0");
        r2.attach(pci, pe, s);
        var xhc = r2.createEntry(0x100000130L, "IOPCIDevice", "XHC1"); // reuses IGPU's old ID: must not matter
        xhc.setLocation("14");
        xhc.setProperties(shifted.xhc.properties());
        r2.attach(xhc, pci, s);
        after[0] = r2;

        var d = RegistryDiff.diff(before.r, after[0]);
        assertThat(d.matchedById()).isFalse();
        assertThat(d.before(xhc)).isSameAs(before.xhc);
        assertThat(d.changeOf(xhc)).isNull();
        assertThat(d.removed()).containsExactlyInAnyOrder(before.gfx, before.media);
        assertThat(d.added()).isEmpty();
    }
}
