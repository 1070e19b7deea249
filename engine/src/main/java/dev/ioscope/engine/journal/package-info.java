/**
 * The journal's vocabulary: {@link dev.ioscope.engine.journal.EventKind} and the engine's
 * {@link dev.ioscope.engine.journal.JournalKind}. A base package with no dependencies, so that every package that
 * journals (sim, power, service.driverkit, user clients, plugins) can name kinds without a package cycle.
 */
package dev.ioscope.engine.journal;
