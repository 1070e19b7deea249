package dev.ioscope.engine.os.plist;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.plist.PlistValue.PArray;
import dev.ioscope.engine.os.plist.PlistValue.PData;
import dev.ioscope.engine.os.plist.PlistValue.PDict;
import dev.ioscope.engine.os.plist.PlistValue.PUid;
import dev.ioscope.engine.io.ParseLimits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every property table embedded in the real IORegistryExplorer archives (XML plists written by CoreFoundation)
 * is read, and written back by the sorted writer byte for byte — a check of the reader and of the writer's
 * CoreFoundation layout on 2773 real files.
 */
class RealEmbeddedPlistsTest {
    @ParameterizedTest
    @ValueSource(strings = {"snapshots/iMac16-1.ioreg", "snapshots/MacBookPro15-1.ioreg"})
    void everyEmbeddedPropertyPlistRoundTripsByteForByte(String file) throws Exception {
        byte[] archive = Files.readAllBytes(TestData.path(file));
        PDict top = (PDict) BinaryPlistReader.read(archive, file, ParseLimits.DEFAULT);
        PArray objects = (PArray) top.get("$objects");
        XmlPlistWriter writer = new XmlPlistWriter(XmlPlistWriter.KeyOrder.SORTED);
        int checked = 0;
        for (int i = 0; i < objects.size(); i++) {
            if (!(objects.get(i) instanceof PDict d) || d.get("properties") == null) {
                continue;
            }
            PlistValue p = d.get("properties");
            if (p instanceof PUid uid) {
                p = objects.get((int) uid.index());
            }
            if (p instanceof PDict nsData && nsData.get("NS.data") instanceof PData inner) {
                p = inner;
            }
            byte[] xml = ((PData) p).toByteArray();
            OSObject v = XmlPlistReader.read(xml, file + " object " + i, ParseLimits.DEFAULT);
            assertThat(writer.toXml(v)).as("%s object %d", file, i).isEqualTo(new String(xml, StandardCharsets.UTF_8));
            checked++;
        }
        assertThat(checked).isEqualTo(file.contains("iMac") ? 914 : 1859);
    }
}
