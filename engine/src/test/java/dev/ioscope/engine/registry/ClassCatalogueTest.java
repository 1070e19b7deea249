package dev.ioscope.engine.registry;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassCatalogueTest {
    @Test
    void wellKnownClassesConform() {
        ClassCatalogue c = ClassCatalogue.standard();
        assertThat(c.conformsTo("IOPCIDevice", "IOService")).isTrue();
        assertThat(c.conformsTo("IOEthernetInterface", "IONetworkInterface")).isTrue();
        assertThat(c.conformsTo("IOMedia", "IOService")).isTrue();
        assertThat(c.conformsTo("IOService", "IOPCIDevice")).isFalse();
        assertThat(c.chain("IOPCIDevice")).containsExactly("IOPCIDevice", "IOService", "IORegistryEntry", "OSObject");
    }

    @Test
    void learnsChainsFromSnapshotsAndPlugins() {
        ClassCatalogue c = ClassCatalogue.standard();
        // A chain a snapshot records teaches this catalogue only, never the shared standard table.
        c.learnChain(List.of("VendorPS2Nub", "IOPlatformDevice", "IOService", "IORegistryEntry", "OSObject"));
        assertThat(c.conformsTo("VendorPS2Nub", "IOService")).isTrue();
        assertThat(ClassCatalogue.standard().knows("VendorPS2Nub")).isFalse();
        // The Hackintosh oracle needs AppleACPIPS2Nub -> IOPlatformDevice (data/README.md): it is in the table.
        assertThat(ClassCatalogue.standard().conformsTo("AppleACPIPS2Nub", "IOPlatformDevice")).isTrue();
    }

    @Test
    void cyclesAreRefused() {
        ClassCatalogue c = ClassCatalogue.empty();
        c.define("A", "B");
        c.define("B", "C");
        assertThatThrownBy(() -> c.define("C", "A")).isInstanceOf(IllegalArgumentException.class);
        c.learnChain(List.of("C", "A"));
        assertThat(c.chain("A")).containsExactly("A", "B", "C");
    }

    @Test
    void entryOwnChainCounts() {
        IORegistry reg = IORegistry.create();
        IORegistryEntry e = reg.createEntry("VendorThing", "x");
        assertThat(reg.classes().conformsTo(e, "IOService")).isFalse();
        e.setInheritance(List.of("VendorThing", "IOService", "IORegistryEntry", "OSObject"));
        assertThat(reg.classes().conformsTo(e, "IOService")).isTrue();
    }
}
