package dev.ioscope.engine.userclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Typed structure fields: encoding and decoding, and their description in a method table. */
class StructFieldTest {
    @Test
    void fieldsEncodeAndFormatLittleEndianAndFourCharacterCodes() {
        byte[] s = new byte[16];
        new StructField("key", 0, "fourcc", 0).encode("TC0P", s);
        new StructField("size", 4, "u32", 0).encode("0x10", s);
        new StructField("cmd", 8, "u8", 0).encode("5", s);
        new StructField("raw", 12, "bytes", 4).encode("aa bb", s);
        // SMCParamStruct.key is a UInt32 in host (little-endian) order: 'TC0P' = 0x54433050
        assertThat(HexFormat.of().formatHex(s)).isEqualTo("50304354" + "10000000" + "05000000" + "aabb0000");
        assertThat(new StructField("key", 0, "fourcc", 0).format(s)).isEqualTo("'TC0P' (0x54433050)");
        assertThat(new StructField("size", 4, "u32", 0).format(s)).isEqualTo("16 (0x10)");
        assertThat(new StructField("raw", 12, "bytes", 4).format(s)).isEqualTo("aabb0000");
        assertThat(new StructField("far", 14, "u32", 0).format(s)).isEmpty();
        assertThat(new StructField("type", 8, "fourcc", 0).format(new byte[16])).isEqualTo("0x0");

        assertThatThrownBy(() -> new StructField("cmd", 8, "u8", 0).encode("256", s)).hasMessageContaining("cmd");
        assertThatThrownBy(() -> new StructField("key", 0, "fourcc", 0).encode("TC0", s))
                .hasMessageContaining("four-character");
        assertThatThrownBy(() -> new StructField("x", 0, "float", 0)).hasMessageContaining("type must be");
    }

    @Test
    void aMethodTableDescribesStructureFieldsAndWritesThemBack() throws Exception {
        String json = """
                {"userClient": "AppleSMCClient", "methods": [
                  {"selector": 0, "name": "handleYPCEvent", "structureInput": 80, "structureOutput": 80,
                   "structure": [{"name": "key", "offset": 0, "type": "fourcc"},
                                 {"name": "bytes", "offset": 48, "type": "bytes", "size": 32}]}]}
                """;
        MethodTableJson.MethodTable t = MethodTableJson.read(json.getBytes(StandardCharsets.UTF_8), "t.json");
        assertThat(t.methods().get(0).structure()).containsExactly(new StructField("key", 0, "fourcc", 4),
                new StructField("bytes", 48, "bytes", 32));
        assertThat(MethodTableJson.read(MethodTableJson.write(t), "again.json")).isEqualTo(t);

        String past = json.replace("\"offset\": 48", "\"offset\": 60");
        assertThatThrownBy(() -> MethodTableJson.read(past.getBytes(StandardCharsets.UTF_8), "t.json"))
                .hasMessageContaining("field bytes ends at byte 92, past the 80-byte structure");
    }
}
