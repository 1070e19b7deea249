package dev.ioscope.engine.snapshot.devicetree;

import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.ioscope.engine.snapshot.devicetree.FdtReaderTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad source gives a SnapshotException with the line and column; includes stay inside the source's folder. */
class DtsErrorsTest {
    static Snapshot parse(String text) throws SnapshotException {
        return new DtsReader().read(text.getBytes(StandardCharsets.ISO_8859_1), "t.dts", ParseLimits.DEFAULT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/ { };                                   | line 1, column 1: expected /dts-v1/",
        "/dts-v1/; / { a = <1 2;                  | line 1, column 23: expected a number",
        "/dts-v1/; / { a = \"x; };                | line 1, column 19: string is not closed",
        "/dts-v1/; / { a = <&nope>; };            | reference to a non-existent node or label 'nope'",
        "/dts-v1/; / { a = <(1 / 0)>; };          | line 1, column 26: division by zero",
        "/dts-v1/; / { a = /bits/ 8 <256>; };     | does not fit in a 8-bit cell",
        "/dts-v1/; / { a = /bits/ 16 <&x>; };     | only allowed in arrays of 32-bit cells",
        "/dts-v1/; / { n { }; a = <1>; };         | properties must precede subnodes",
        "/dts-v1/; / { a; a; };                   | duplicate property 'a'",
        "/dts-v1/; / { x: n { }; x: m { }; };     | duplicate label 'x'",
        "/dts-v1/; / { n { name = \"m\"; }; };    | \"name\" property is incorrect",
        "/dts-v1/; / { }; &missing { };           | reference to a non-existent node or label 'missing'",
        "/dts-v1/; /plugin/; / { };               | /plugin/ overlays are not supported",
        "/dts-v1/; / { a = [0g]; };               | pair of hex digits",
        "/dts-v1/; / { a = <09>; };               | bad integer literal '09'",
        "/dts-v1/; /* never closed               | comment is not closed",
        "/dts-v1/; / { n {                        | is not closed with '}'",
    })
    void malformedSourceNamesThePlace(String source, String expected) {
        assertThatThrownBy(() -> parse(source)).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("t.dts").hasMessageContaining(expected.strip());
    }

    @Test
    void preprocessorDirectivesOtherThanIncludeAreRefusedButHashPropertiesAreNot() throws Exception {
        assertThatThrownBy(() -> parse("/dts-v1/;\n#define X 1\n/ { };"))
                .hasMessageContaining("line 2, column 1: C preprocessor directive #define is not supported");
        Snapshot s = parse("/dts-v1/;\n# 1 \"t.dts\"\n/ {\n#address-cells = <2>;\n};");
        assertThat(s.registry().root().children(new IORegistryPlane("IODeviceTree"))
                .get(0).property("#address-cells")).isNotNull();
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() throws Exception {
        byte[] text = "\uFEFF/dts-v1/;\n/ { model = \"x\"; };\n".getBytes(StandardCharsets.UTF_8);
        assertThat(new DtsReader().sniff(text, "bom.dts")).isTrue();
        assertThat(new DtsReader().read(text, "bom.dts", ParseLimits.DEFAULT).registry().size()).isEqualTo(2);
    }

    @Test
    void deepExpressionsAndNodesAreBounded() {
        String deep = "/dts-v1/; / { a = <" + "(".repeat(5000) + "1" + ")".repeat(5000) + ">; };";
        assertThatThrownBy(() -> parse(deep)).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("nested too deeply");
        String nodes = "/dts-v1/; / {" + " n {".repeat(600) + " };".repeat(600) + " };";
        assertThatThrownBy(() -> parse(nodes)).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("nested deeper than 512");
    }

    @Test
    void includesResolveBesideTheIncludingFile(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("top.dts"), "/dts-v1/;\n/include/ \"sub/a.dtsi\"\n/ { top; };\n");
        Files.writeString(dir.resolve("sub/a.dtsi"), "#include \"b.dtsi\"\n/ { a { }; };\n");
        Files.writeString(dir.resolve("sub/b.dtsi"), "/ { b { }; };\n");
        Snapshot s = Snapshots.load(dir.resolve("top.dts"));
        assertThat(at(s.registry(), "/a")).isNotNull();
        assertThat(at(s.registry(), "/b")).isNotNull();
        assertThat(DeviceTreeIndex.of(s.registry()).byPath("/").orElseThrow().property("top")).isNotNull();
    }

    @Test
    void includeCyclesAreRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("top.dts"), "/dts-v1/;\n/include/ \"a.dtsi\"\n/ { };\n");
        Files.writeString(dir.resolve("a.dtsi"), "/include/ \"b.dtsi\"\n");
        Files.writeString(dir.resolve("b.dtsi"), "\n\n/include/ \"a.dtsi\"\n");
        assertThatThrownBy(() -> Snapshots.load(dir.resolve("top.dts")))
                .hasMessageContaining("b.dtsi, line 3, column 1: include cycle: 'a.dtsi' includes itself");
        Files.writeString(dir.resolve("self.dts"), "/dts-v1/;\n/include/ \"self.dts\"\n/ { };\n");
        assertThatThrownBy(() -> Snapshots.load(dir.resolve("self.dts"))).hasMessageContaining("include cycle");
    }

    @Test
    void includesNeverLeaveTheSourceFolder(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("secret.dtsi"), "/ { secret; };\n");
        Files.writeString(dir.resolve("src/top.dts"), "/dts-v1/;\n/include/ \"../secret.dtsi\"\n/ { };\n");
        assertThatThrownBy(() -> Snapshots.load(dir.resolve("src/top.dts")))
                .hasMessageContaining("lies outside the folder of the source file");
        Files.writeString(dir.resolve("src/abs.dts"), "/dts-v1/;\n/include/ \"" + dir.resolve("secret.dtsi")
                + "\"\n/ { };\n");
        assertThatThrownBy(() -> Snapshots.load(dir.resolve("src/abs.dts")))
                .hasMessageContaining("lies outside the folder");
        Files.writeString(dir.resolve("src/missing.dts"), "/dts-v1/;\n\n  #include \"gone.h\"\n/ { };\n");
        assertThatThrownBy(() -> Snapshots.load(dir.resolve("src/missing.dts")))
                .hasMessageContaining("missing.dts: line 3, column 3: cannot include 'gone.h': no such file gone.h");
    }
}
