package dev.ioscope.engine.snapshot.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioscope.engine.snapshot.SnapshotException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a hand-written JSON document whose top is one object (a scenario, a machine description) into a tree. One
 * place for the errors both report, so a user sees the same words for the same mistake in either file: where the
 * JSON breaks ({@code line:column}), that the file cannot be read, or that the top is not an object.
 */
public final class JsonDocuments {
    private JsonDocuments() {
    }

    /** The file's top-level object; {@code what} names the document in the error ("a scenario"). */
    public static JsonNode readObject(Path file, String what) throws SnapshotException {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SnapshotException(file.toString(), null, "cannot read: " + e.getMessage());
        }
        return readObject(data, file.toString(), what);
    }

    /** The top-level object of {@code data}, read from {@code name}. */
    public static JsonNode readObject(byte[] data, String name, String what) throws SnapshotException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(data);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new SnapshotException(name, loc == null ? null : loc.getLineNr() + ":" + loc.getColumnNr(),
                    "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SnapshotException(name, null, "cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new SnapshotException(name, null, what + " is a JSON object");
        }
        return root;
    }
}
