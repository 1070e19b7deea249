package dev.ioscope.engine.snapshot.text;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Printed text reads back to a model that prints the same text, for random property tables whose strings hold
 * the characters that make ioreg's unescaped strings ambiguous (quotes, commas, closers, '=').
 */
class IoregTextRoundTripProperties {
    private static final String ALPHABET = "ab Z09\",)}]=({<>-@";

    @Property(tries = 300)
    void printReadPrintIsStable(@ForAll("tables") List<OSDictionary> tables) throws Exception {
        IORegistry r = IORegistry.create();
        var plane = r.plane("IOService");
        IORegistryEntry parent = r.root();
        for (int i = 0; i < tables.size(); i++) {
            IORegistryEntry e = r.createEntry("IOService", "E" + i);
            e.setState(EntryState.settledService(i + 1));
            e.setProperties(tables.get(i));
            r.attach(e, i % 2 == 0 ? r.root() : parent, plane);
            parent = e;
        }
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        IoregPrinter.print(r, IoregOptions.DEFAULT.withList(true), first);
        Snapshot back = new IoregTextReader().read(first.toByteArray(), "p", ParseLimits.DEFAULT);
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        new IoregTextWriter().write(back, second);
        assertThat(second.toString(StandardCharsets.ISO_8859_1)).isEqualTo(first.toString(StandardCharsets.ISO_8859_1));
    }

    @Provide
    Arbitrary<List<OSDictionary>> tables() {
        return dictionary(2).list().ofMinSize(1).ofMaxSize(4);
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(8);
    }

    private static Arbitrary<String> key() {
        return Arbitraries.strings().withChars("abKey09 ,)}=({-".toCharArray()).ofMinLength(1).ofMaxLength(6);
    }

    private static Arbitrary<OSObject> value(int depth) {
        Arbitrary<OSObject> scalar = Arbitraries.oneOf(
                text().map(OSString::of),
                Arbitraries.longs().map(v -> (OSObject) OSNumber.of64(v)),
                Arbitraries.integers().map(v -> (OSObject) OSNumber.of32(v)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(6).map(OSData::of),
                text().map(t -> (OSObject) OSData.of((t + "\0").getBytes(StandardCharsets.ISO_8859_1))),
                Arbitraries.of(OSBoolean.TRUE, OSBoolean.FALSE));
        if (depth == 0) {
            return scalar;
        }
        return Arbitraries.oneOf(scalar, scalar,
                value(depth - 1).list().ofMaxSize(3).map(OSArray::of),
                dictionary(depth - 1).map(d -> d));
    }

    private static Arbitrary<OSDictionary> dictionary(int depth) {
        return Arbitraries.maps(key(), value(depth)).ofMaxSize(4).map(m -> {
            OSDictionary.Builder b = OSDictionary.builder();
            m.forEach(b::put);
            return b.build();
        });
    }
}
