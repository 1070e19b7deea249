package dev.ioscope.app;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirstFrameMarkTest {
    @Test
    @DisplayName("the training run's files are opened in the order given, empty entries skipped")
    void thenOpenKeepsTheOrderOfTheFiles() {
        String list = "a.ioreg" + File.pathSeparator + File.pathSeparator + "dir/b.xml" + File.pathSeparator;
        assertEquals(List.of(Path.of("a.ioreg"), Path.of("dir/b.xml")), List.copyOf(FirstFrameMark.thenOpen(list)));
        assertTrue(FirstFrameMark.thenOpen("").isEmpty());
    }
}
