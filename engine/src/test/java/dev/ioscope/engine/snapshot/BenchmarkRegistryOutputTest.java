package dev.ioscope.engine.snapshot;

import dev.ioscope.engine.explore.EntryExport;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark registry is seeded: tests, the 100k benchmark XML and every figure in docs/benchmarks.md depend on
 * its output. Its property tables are now built from values drawn in the tree's pass (on other threads, or on
 * first use); the output must stay byte for byte what the one-pass generator wrote.
 */
class BenchmarkRegistryOutputTest {
    /** SHA-256 of the IOService XML (ioreg -a) of 3,000 entries, written by the one-pass generator (fd2b2a5). */
    private static final String XML_3000_SEED_1 = "d28010fdee1dac1af422e7dc4c532a97be84bca60f1c10ef1350458ca71bb059";
    private static final String XML_3000_SEED_20181 =
            "30077396fb5a0c0ace26a2c81f5882baf35e3599da2ed3541e72dbb4d2316ddd";

    private static byte[] xml(IORegistry r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EntryExport.write(r, r.root(), r.findPlane(IORegistryPlane.IOSERVICE).orElseThrow(), true,
                SnapshotFormat.IOREG_XML, out);
        return out.toByteArray();
    }

    private static String sha256(byte[] b) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void theGeneratedXmlIsByteForByteWhatTheOnePassGeneratorWrote() throws Exception {
        assertThat(sha256(xml(BenchmarkRegistry.generate(3_000, 1)))).isEqualTo(XML_3000_SEED_1);
        assertThat(sha256(xml(BenchmarkRegistry.generate(3_000, 20181)))).isEqualTo(XML_3000_SEED_20181);
    }

    @Test
    void anOpenedRegistryHasItsTreeAtOnceAndTheSameTablesOnceAsked() throws Exception {
        Snapshot opened = BenchmarkRegistry.open(3_000, 1);
        IORegistry generated = BenchmarkRegistry.generate(3_000, 1);
        assertThat(opened.registry().entries().get(2_999).propertiesPending()).isTrue();
        opened.tables().start();
        assertThat(opened.tables().size()).isEqualTo(2_998);
        assertThat(opened.registry().size()).isEqualTo(generated.size());
        // Asked in reverse, while the tables' threads may be building them in order: each is built once, the same.
        var entries = opened.registry().entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            IORegistryEntry e = entries.get(i);
            IORegistryEntry g = generated.entries().get(i);
            assertThat(e.properties()).as(e.name()).isEqualTo(g.properties());
            for (IORegistryPlane p : generated.planes()) {
                IORegistryPlane q = opened.registry().findPlane(p.name()).orElseThrow();
                assertThat(e.children(q).stream().map(IORegistryEntry::registryEntryID).toList())
                        .isEqualTo(g.children(p).stream().map(IORegistryEntry::registryEntryID).toList());
            }
        }
        opened.tables().complete();
        assertThat(sha256(xml(opened.registry()))).isEqualTo(XML_3000_SEED_1);
    }
}
