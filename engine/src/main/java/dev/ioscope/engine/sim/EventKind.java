package dev.ioscope.engine.sim;

/**
 * The kind of a journal event, with the name the journal's text and JSON give it ({@code match.reject}). The
 * engine's kinds are {@link JournalKind}; a plugin that journals events of its own declares them in its own enum
 * implementing this interface, named {@code family.event} under a family of its own ({@code storage.block-io}).
 * Code branches on the constants, never on the names, so a renamed kind fails at compile time.
 */
public interface EventKind {
    /** The name in the journal, e.g. {@code power.set-power-state} (docs/scenarios.md, "Event kinds"). */
    String id();

    /** The family: the name up to its first dot ({@code power} for {@code power.ack}). */
    default String family() {
        int dot = id().indexOf('.');
        return dot < 0 ? id() : id().substring(0, dot);
    }

    /** Whether this kind is of {@code family} ({@link JournalKind#POWER}, ...). */
    default boolean in(String family) {
        return family().equals(family);
    }
}
