package dev.ioscope.app.workbench;

import java.util.function.Supplier;

/** A {@link PanelState} made of its parts (PanelState's factories). */
record SimplePanelState<T>(String name, T empty, Supplier<PanelState.Sampler<T>> samplers) implements PanelState<T> {
    @Override
    public Sampler<T> sampler() {
        return samplers.get();
    }

    @Override
    public boolean equals(Object o) {
        return this == o;   // one constant per kind of state: identity is the key
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return name;
    }
}
