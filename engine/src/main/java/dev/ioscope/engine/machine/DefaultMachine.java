package dev.ioscope.engine.machine;

import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.spi.Contributions;
import dev.ioscope.engine.spi.PluginLoader;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * The bundled "virtual Mac" (resource {@code virtual-mac.json} beside this class): what the app shows when no
 * file is given. Needs the built-in families on the class path (the app ships them); with none, booting
 * fails with a SnapshotException naming the first device type no family models.
 */
public final class DefaultMachine {
    public static final String RESOURCE = "virtual-mac.json";

    private DefaultMachine() {
    }

    /** The bundled description. */
    public static MachineDescription description() throws SnapshotException {
        InputStream in = DefaultMachine.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new SnapshotException(RESOURCE, null, "missing resource");
        }
        return MachineReader.read(in, RESOURCE);
    }

    /** Boots the default machine with the built-in families and the user's plugins; returns the registry. */
    public static Snapshot boot() throws SnapshotException {
        return boot(description(), null);
    }

    /** Boots {@code d} with the built-in families, the user plugins folder and {@code pluginsDir} (may be null). */
    public static Snapshot boot(MachineDescription d, Path pluginsDir) throws SnapshotException {
        try (PluginLoader pl = PluginLoader.standard(pluginsDir)) {
            return Machine.boot(d, Contributions.of(pl)).snapshot();
        }
    }
}
