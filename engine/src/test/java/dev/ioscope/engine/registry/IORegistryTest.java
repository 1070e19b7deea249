package dev.ioscope.engine.registry;

import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ioscope.engine.registry.IORegistryIterator.ITERATE_PARENTS;
import static dev.ioscope.engine.registry.IORegistryIterator.ITERATE_RECURSIVELY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IORegistryTest {
    private final RegistryTestFixtures f = new RegistryTestFixtures();

    private static List<String> names(List<IORegistryEntry> es) {
        return es.stream().map(IORegistryEntry::name).toList();
    }

    @Test
    void rootIsInEveryPlaneAndHasXnuRootId() {
        assertThat(f.reg.root().registryEntryID()).isEqualTo(0x100000100L);
        assertThat(f.reg.root().inPlane(f.service)).isTrue();
        assertThat(f.reg.root().inPlane(f.dt)).isTrue();
        assertThat(f.reg.planes()).extracting(IORegistryPlane::name).containsExactly("IOService", "IODeviceTree");
    }

    @Test
    void entryHasPerPlaneNames() {
        assertThat(f.expert.name(f.service)).isEqualTo("MacBookPro15,1");
        assertThat(f.expert.name(f.dt)).isEqualTo("device-tree");
        assertThat(f.expert.planes()).containsExactlyInAnyOrder(f.service, f.dt);
        assertThat(f.gfx.nameWithLocation(f.service)).isEqualTo("GFX0@2");
    }

    @Test
    void pathsBothWays() {
        // Paths start below the plane's top entry (XNU getPath: root = gRegistryRoot->getChildEntry(plane)).
        assertThat(RegistryPath.pathOf(f.reg, f.gfx, f.service)).contains(
                "IOService:/AppleACPIPlatformExpert/PCI0@0/GFX0@2");
        assertThat(RegistryPath.pathOf(f.reg, f.gfx, f.dt)).contains("IODeviceTree:/PCI0@0/GFX0@2");
        assertThat(RegistryPath.pathOf(f.reg, f.expert, f.service)).contains("IOService:/");
        assertThat(RegistryPath.fromPath(f.reg, "IOService:/AppleACPIPlatformExpert/PCI0@0/GFX0@2", null))
                .contains(f.gfx);
        // A component without a location matches any location.
        assertThat(RegistryPath.fromPath(f.reg, "IOService:/AppleACPIPlatformExpert/PCI0/XHC1", null))
                .contains(f.xhc);
        assertThat(RegistryPath.fromPath(f.reg, "IOService:/Nope", null)).isEmpty();
        assertThat(RegistryPath.fromPath(f.reg, "NoPlane:/x", null)).isEmpty();
        assertThat(RegistryPath.fromPath(f.reg, "/IOResources", f.service)).contains(f.resources);
        // Every entry's own path resolves back to it (the root and the top entry share "plane:/").
        for (IORegistryEntry e : f.reg.entries()) {
            if (e == f.reg.root()) {
                continue;
            }
            for (IORegistryPlane p : e.planes()) {
                String path = RegistryPath.pathOf(f.reg, e, p).orElseThrow();
                assertThat(RegistryPath.fromPath(f.reg, path, null)).as(path).contains(e);
            }
        }
    }

    @Test
    void deviceTreeAliasResolvesThroughTheAliasesNode() {
        // IODeviceTree:gfx -> the "gfx" property of /aliases (an OSData C string) -> its path.
        assertThat(RegistryPath.fromPath(f.reg, "IODeviceTree:gfx", null)).contains(f.gfx);
        assertThat(RegistryPath.fromPath(f.reg, "IODeviceTree:nothere", null)).isEmpty();
        assertThat(RegistryPath.fromPath(f.reg, "IOService:gfx", null)).isEmpty();
    }

    @Test
    void iteratorIsDepthFirstInAttachOrderAndEntersSharedSubtreesOnce() {
        List<IORegistryEntry> all = IORegistryIterator.collect(f.reg.root(), f.service, ITERATE_RECURSIVELY);
        assertThat(names(all)).containsExactly("MacBookPro15,1", "AppleACPIPlatformExpert", "PCI0", "GFX0",
                "shared", "IOHIDEventDriver", "XHC1", "shared", "IOResources");
        assertThat(names(IORegistryIterator.collect(f.pci0, f.service, 0))).containsExactly("GFX0", "XHC1");
    }

    @Test
    void parentIterationWalksUp() {
        IORegistryEntry driver = f.shared.children(f.service).get(0);
        assertThat(names(IORegistryIterator.collect(driver, f.service, ITERATE_PARENTS | ITERATE_RECURSIVELY)))
                .containsExactly("shared", "GFX0", "PCI0", "AppleACPIPlatformExpert", "MacBookPro15,1", "Root",
                        "XHC1", "PCI0");
        assertThat(names(IORegistryIterator.collect(f.shared, f.service, ITERATE_PARENTS)))
                .containsExactly("GFX0", "XHC1");
    }

    @Test
    void propertySearchHonoursRecursiveAndParentsOptions() {
        IORegistryEntry driver = f.shared.children(f.service).get(0);
        assertThat(PropertySearch.getProperty(driver, "vendor-id", f.service, 0)).isEmpty();
        assertThat(PropertySearch.getProperty(driver, "vendor-id", f.service, ITERATE_PARENTS | ITERATE_RECURSIVELY))
                .isPresent();
        assertThat(PropertySearch.getProperty(f.pci0, "IOPCIExpressLinkStatus", f.service, ITERATE_RECURSIVELY))
                .isPresent();
        assertThat(PropertySearch.getProperty(f.pci0, "IOPCIExpressLinkStatus", f.service, ITERATE_PARENTS
                | ITERATE_RECURSIVELY)).isEmpty();
    }

    @Test
    void cyclesAndDuplicateIdsAreRefused() {
        assertThatThrownBy(() -> f.reg.attach(f.pci0, f.gfx, f.service)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.reg.createEntry(f.gfx.registryEntryID(), "X", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        int before = f.gfx.childCount(f.service);
        f.reg.attach(f.shared, f.gfx, f.service);
        assertThat(f.gfx.childCount(f.service)).isEqualTo(before);
    }

    @Test
    void aCycleThroughSeveralGenerationsIsRefusedAndALeafAttachesAnywhere() {
        IORegistry reg = IORegistry.create();
        IORegistryPlane service = reg.plane(IORegistryPlane.IOSERVICE);
        IORegistryEntry a = reg.createEntry("A", "a");
        IORegistryEntry b = reg.createEntry("B", "b");
        IORegistryEntry c = reg.createEntry("C", "c");
        IORegistryEntry leaf = reg.createEntry("L", "leaf");
        reg.attach(a, reg.root(), service);
        reg.attach(b, a, service);
        reg.attach(c, b, service);
        reg.attach(leaf, c, service);
        // a has a subtree: its ancestors are walked and the cycle a -> b -> c -> a is found
        assertThatThrownBy(() -> reg.attach(a, c, service)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> reg.attach(b, leaf, service)).isInstanceOf(IllegalArgumentException.class);
        // a childless entry is nobody's ancestor: a second parent anywhere is fine
        reg.attach(leaf, a, service);
        assertThat(leaf.parents(service)).containsExactly(c, a);
    }

    @Test
    void detachAndRemove() {
        f.reg.remove(f.xhc);
        assertThat(f.pci0.children(f.service)).containsExactly(f.gfx);
        assertThat(f.shared.parents(f.service)).containsExactly(f.gfx);
        assertThat(f.reg.entry(f.xhc.registryEntryID())).isEmpty();
    }

    @Test
    void printPlaneIndentsTwoSpacesPerDepth() {
        String out = PlanePrinter.print(f.reg, f.dt);
        assertThat(out).startsWith("Root <class IORegistryEntry>\n  device-tree <class IOPlatformExpertDevice>\n"
                + "    PCI0@0 <class AppleACPIPCI>\n      GFX0@2 <class IOPCIDevice>\n");
    }

    @Test
    void entryCountsPerPlane() {
        assertThat(f.reg.entryCount(f.service)).isEqualTo(9);
        assertThat(f.reg.entryCount(f.dt)).isEqualTo(5);
    }

    @Test
    void setPropertyReplacesAndKeepsOrder() {
        f.resources.setProperty("IOKit", OSString.of("x"));
        OSObject v = f.resources.property("IOKit");
        assertThat(v).isEqualTo(OSString.of("x"));
    }
}
