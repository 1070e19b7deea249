package dev.ioscope.plugins.storage;

import dev.ioscope.engine.sim.EventKind;

/** The events the storage family journals (docs/scenarios.md, "Event kinds"), under its own family. */
public enum StorageEventKind implements EventKind {
    /** The {@code block-io} action started its requests on the driver's work loop. */
    BLOCK_IO("storage.block-io");

    private final String id;

    StorageEventKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
