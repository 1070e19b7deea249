package dev.ioscope.app.workbench;

import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.JournalKind;

import java.util.function.Predicate;

/**
 * A breakpoint on the journal: the machine stops after the scheduler step that journals a matching event.
 *
 * @param on    what is compared
 * @param value the event kind (a prefix ending at a dot also matches: {@code match} stops on every
 *              {@code match.*}), the class, the entry path, or the property key
 */
public record Breakpoint(On on, String value) implements Predicate<JournalEvent> {
    /** What a breakpoint looks at. */
    public enum On {
        KIND("event kind"), CLASS("class"), ENTRY("entry"), PROPERTY("property change");

        private final String words;

        On(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    public Breakpoint {
        value = value.strip();
    }

    @Override
    public boolean test(JournalEvent e) {
        return switch (on) {
            case KIND -> e.kind().id().equals(value) || e.kind().id().startsWith(value + ".");
            case CLASS -> value.equals(e.details().get("class"));
            // an entry is concerned by events about it and by attaches/detaches of its clients
            case ENTRY -> e.entry().equals(value) || value.equals(e.details().get("provider"));
            case PROPERTY -> e.kind() == JournalKind.PROPERTY_SET && value.equals(e.details().get("key"));
        };
    }

    public String describe() {
        return on + " = " + value;
    }
}
