package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.registry.ClassCatalogue;
import dev.ioscope.engine.registry.IORegistryEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The standard class catalogue carries every class chain the real archives record (iokit-classes.txt). */
class ArchiveClassCatalogueTest {
    @Test
    void standardCatalogueReproducesEveryRecordedChain() throws Exception {
        ClassCatalogue standard = ClassCatalogue.standard();
        int checked = 0;
        for (IORegistryEntry e : IoregArchiveReaderTest.mbp().registry().entries()) {
            assertThat(standard.chain(e.className())).as(e.toString()).isEqualTo(e.inheritance());
            checked++;
        }
        for (IORegistryEntry e : IoregArchiveReaderTest.imac().registry().entries()) {
            if (!e.className().equals("AppleACPIButton")) {
                assertThat(standard.chain(e.className())).as(e.toString()).isEqualTo(e.inheritance());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(1859 + 914 - 2);
    }

    @Test
    void reparentedClassKeepsTheNewerPair() {
        // AppleACPIButton is an IOHIDEventService in macOS 10.13 and a plain IOService in OS X 10.11
        ClassCatalogue standard = ClassCatalogue.standard();
        assertThat(standard.superClass("AppleACPIButton")).contains("IOHIDEventService");
        assertThat(standard.chain("AppleBCMWLANCore")).containsExactly("AppleBCMWLANCore", "IO80211Controller",
                "IOEthernetController", "IONetworkController", "IOService", "IORegistryEntry", "OSObject");
    }
}
