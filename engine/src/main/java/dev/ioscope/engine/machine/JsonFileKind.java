package dev.ioscope.engine.machine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What an IOScope JSON file is, from its top-level keys only (a streaming look that skips every value, so a large
 * file costs one pass and no tree): a registry snapshot ({@code "format": "ioscope-registry"}), a machine
 * description ({@code "platform"}, docs/machines.md) or a scenario ({@code "actions"}, {@code "kexts"},
 * {@code "machine"}, {@code "snapshot"}, docs/scenarios.md). What the app does with a file it is handed (a double
 * click, File ▸ Open) depends on it: show it, boot it, or run it in the workbench.
 */
public enum JsonFileKind {
    SNAPSHOT, MACHINE_DESCRIPTION, SCENARIO, OTHER;

    /**
     * The kind of {@code file}; OTHER for anything that is not a JSON object or cannot be read. A file malformed
     * after its first keys is judged by those keys, so its own reader reports where it breaks.
     */
    public static JsonFileKind of(Path file) {
        Path fileName = file.getFileName();   // none for a root such as "/"
        if (fileName == null || !fileName.toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return OTHER;
        }
        if (!Files.isRegularFile(file)) {
            return OTHER;   // a FIFO named x.json must not block here; the reader it goes to says what it is
        }
        Set<String> keys = new HashSet<>();
        try (InputStream in = Files.newInputStream(file); JsonParser p = new JsonFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return OTHER;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                keys.add(name);
                JsonToken v = p.nextToken();
                if (name.equals("format") && v == JsonToken.VALUE_STRING && p.getText().equals("ioscope-registry")) {
                    return SNAPSHOT;
                }
                p.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            // malformed further on: judge by the keys seen so far, so the right reader reports the place
        }
        if (keys.contains("platform")) {
            return MACHINE_DESCRIPTION;
        }
        if (keys.contains("actions") || keys.contains("kexts") || keys.contains("machine")
                || keys.contains("snapshot") || keys.contains("maxSteps")) {
            return SCENARIO;
        }
        return OTHER;
    }
}
