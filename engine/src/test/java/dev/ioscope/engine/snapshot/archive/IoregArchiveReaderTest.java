package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.OSUnserializable;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryPath;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two real IORegistryExplorer files. Every expected value here was read by hand from the files with
 * python3's plistlib (walking $objects, namesInPlanes, parentsInPlanes and the embedded XML plists).
 */
class IoregArchiveReaderTest {
    static final List<String> PLANES = List.of("IOService", "CoreCapture", "IO80211Plane", "IOACPIPlane",
            "IODeviceTree", "IOPower", "IOUSB");

    static Snapshot mbp() throws Exception {
        return Snapshots.load(TestData.path("snapshots/MacBookPro15-1.ioreg"));
    }

    static Snapshot imac() throws Exception {
        return Snapshots.load(TestData.path("snapshots/iMac16-1.ioreg"));
    }

    static IORegistryEntry byTag(IORegistry r, long tag) {
        return r.entry(IORegistry.ROOT_ID + tag - 1).orElseThrow();
    }

    @Test
    void macBookProLoadsWholly() throws Exception {
        Snapshot s = mbp();
        IORegistry r = s.registry();
        assertThat(s.format()).isEqualTo(SnapshotFormat.IOREG_ARCHIVE);
        assertThat(r.size()).isEqualTo(1859);
        assertThat(r.planes()).extracting(IORegistryPlane::name).containsExactlyElementsOf(PLANES);
        assertThat(s.info().keys()).containsExactly("archName", "byteOrder", "dataStoreVersion", "hostName",
                "isUpToDate", "lastUpdateDate");
        assertThat(s.info().get("hostName")).isEqualTo(OSString.of("Bill\u2019s MacBook Pro"));
        assertThat(s.info().get("archName")).isEqualTo(OSString.of("i386"));
        assertThat(s.info().get("isUpToDate")).isEqualTo(OSBoolean.TRUE);
        // NS.time 561410497.076158 s after 2001-01-01 = 2018-10-16T19:21:37.076158Z
        assertThat(((OSString) s.info().get("lastUpdateDate")).value()).startsWith("2018-10-16T19:21:37.07615");
    }

    @Test
    void rootIsTagOneWithXnuRootId() throws Exception {
        IORegistry r = mbp().registry();
        IORegistryEntry root = r.root();
        assertThat(root.registryEntryID()).isEqualTo(IORegistry.ROOT_ID);
        assertThat(root.name()).isEqualTo("Root");
        assertThat(root.className()).isEqualTo("IORegistryEntry");
        assertThat(root.inheritance()).containsExactly("IORegistryEntry", "OSObject");
        assertThat(root.state().retainCount()).isEqualTo(21);
        assertThat(root.state().service()).isFalse();
        assertThat(root.snapshotInfo().get("bundleID")).isEqualTo(OSString.of("com.apple.kernel"));
        assertThat(root.children(r.plane("CoreCapture"))).hasSize(10);
        assertThat(root.property("IOBluetoothActive")).isEqualTo(OSBoolean.TRUE);
    }

    @Test
    void xhc1HasItsPathsChainStateAndTypedProperties() throws Exception {
        IORegistry r = mbp().registry();
        IORegistryEntry x = byTag(r, 196);
        assertThat(x.name()).isEqualTo("XHC1");
        assertThat(x.location()).isEqualTo("14");
        assertThat(x.className()).isEqualTo("IOPCIDevice");
        assertThat(x.inheritance()).containsExactly("IOPCIDevice", "IOService", "IORegistryEntry", "OSObject");
        assertThat(RegistryPath.pathOf(r, x, r.plane("IOService")))
                .contains("IOService:/AppleACPIPlatformExpert/PCI0@0/AppleACPIPCI/XHC1@14");
        // RegistryPath starts below the plane's top entry, as XNU's getPath does (IORootParent here)
        assertThat(RegistryPath.pathOf(r, x, r.plane("IOPower"))).contains("IOPower:/IOPowerConnection/"
                + "IOPMrootDomain/IOPowerConnection/AppleACPIPCI/IOPowerConnection/XHC1@14");
        IORegistryEntry top = x;
        while (top.parent(r.plane("IOPower")) != r.root()) {
            top = top.parent(r.plane("IOPower"));
        }
        assertThat(top.name()).isEqualTo("IORootParent");
        assertThat(x.parent(r.plane("IODeviceTree")).name()).isEqualTo("PCI0");
        assertThat(x.planes()).extracting(IORegistryPlane::name)
                .containsExactlyInAnyOrder("IOService", "IODeviceTree", "IOPower");
        assertThat(x.state()).isEqualTo(new EntryState(true, true, true, true, 0, -1, 13));
        assertThat(x.snapshotInfo().get("bundleID")).isEqualTo(OSString.of("com.apple.iokit.IOPCIFamily"));
        assertThat(x.snapshotInfo().get("entryTag")).isEqualTo(OSNumber.of64(196));
        assertThat(x.property("IOName")).isEqualTo(OSString.of("pci8086,a36d"));
        assertThat(x.property("IOPCIPMCSState")).isEqualTo(OSNumber.of32(264));
        assertThat(x.property("device-id")).isEqualTo(OSData.ofHex("6da30000"));
        OSDictionary mem = (OSDictionary) ((OSArray) ((OSArray) x.property("IODeviceMemory")).get(0)).get(0);
        assertThat(mem.get("address")).isEqualTo(OSNumber.of64(275148439552L));
        assertThat(x.property("acpi-device"))
                .isEqualTo(new OSUnserializable("IOACPIPlatformDevice is not serializable"));
        assertThat(r.classes().conformsTo("IOPCIDevice", "IOService")).isTrue();
    }

    @Test
    void perPlaneNamesAndLocations() throws Exception {
        IORegistry r = mbp().registry();
        IORegistryEntry platform = byTag(r, 2);
        assertThat(platform.name()).isEqualTo("MacBookPro15,1");
        assertThat(platform.name(r.plane("IODeviceTree"))).isEqualTo("/");
        assertThat(platform.name(r.plane("IOACPIPlane"))).isEqualTo("acpi");
        assertThat(platform.name(r.plane("IOService"))).isEqualTo("MacBookPro15,1");
        assertThat(platform.location()).isNull();
        IORegistryEntry cpu5 = byTag(r, 25);
        assertThat(cpu5.nameWithLocation(r.plane("IOACPIPlane"))).isEqualTo("CPU5@A");
        assertThat(cpu5.parent(r.plane("IODeviceTree")).name()).isEqualTo("cpus");
        assertThat(cpu5.parent(r.plane("IOACPIPlane"))).isSameAs(platform);
        assertThat(cpu5.parent(r.plane("IOService")).name()).isEqualTo("AppleACPIPlatformExpert");
    }

    @Test
    void hidSystemAndResourceAreOnIOResources() throws Exception {
        IORegistry r = mbp().registry();
        IORegistryEntry resources = byTag(r, 19);
        assertThat(resources.name()).isEqualTo("IOResources");
        IORegistryPlane service = r.plane("IOService");
        assertThat(resources.children(service)).hasSize(30);
        assertThat(byTag(r, 128).name()).isEqualTo("IOHIDResource");
        assertThat(byTag(r, 129).name()).isEqualTo("IOHIDSystem");
        assertThat(byTag(r, 128).isChildOf(resources, service)).isTrue();
        assertThat(byTag(r, 129).isChildOf(resources, service)).isTrue();
        assertThat(byTag(r, 129).className()).isEqualTo("IOHIDSystem");
    }

    @Test
    void iMacLoadsWithItsDetachedEntriesAndMultiParentLinks() throws Exception {
        Snapshot s = imac();
        IORegistry r = s.registry();
        assertThat(r.size()).isEqualTo(914);
        assertThat(r.planes()).extracting(IORegistryPlane::name).containsExactlyElementsOf(PLANES);
        assertThat(s.info().get("hostName")).isEqualTo(OSString.of("iMac\u00a0\u2014 iMac"));
        IORegistryEntry smc = byTag(r, 227);
        assertThat(RegistryPath.pathOf(r, smc, r.plane("IOService")))
                .contains("IOService:/AppleACPIPlatformExpert/SMC/AppleSMC");
        assertThat(smc.inheritance()).containsExactly("AppleSMC", "AppleSMCFamily", "IOService",
                "IORegistryEntry", "OSObject");
        assertThat(smc.property("IOProbeScore")).isEqualTo(OSNumber.of32(20000));
        assertThat(smc.property("IONameMatch")).isEqualTo(OSString.of("APP0001"));
        // IOBlockStorageDriver (tag 828) was detached: no parents anywhere, an empty IOService child list saved
        IORegistryEntry detached = byTag(r, 828);
        assertThat(detached.planes()).isEmpty();
        assertThat(detached.snapshotInfo().get("emptyChildrenInPlanes"))
                .isEqualTo(OSArray.of(OSString.of("IOService")));
        // IONetworkStack has five IOService parents, in the saved order
        IORegistryEntry stack = r.entries().stream().filter(e -> e.name().equals("IONetworkStack")).findFirst()
                .orElseThrow();
        assertThat(stack.parents(r.plane("IOService"))).extracting(IORegistryEntry::name)
                .containsExactly("IOResources", "en1", "en0", "en2", "en3");
    }
}
