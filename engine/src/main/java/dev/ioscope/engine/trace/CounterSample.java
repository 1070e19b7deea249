package dev.ioscope.engine.trace;

/**
 * One value of one counter track at one virtual time: an IOReport channel's value as a trace viewer draws it.
 *
 * @param t     virtual time, ns
 * @param track the track's name (the channel's "group / subgroup / name")
 * @param value the value at {@code t}
 */
public record CounterSample(long t, String track, long value) {
}
