/**
 * The emulation on virtual time: a deterministic {@link dev.ioscope.engine.sim.Scheduler}, the IOService life cycle
 * in {@link dev.ioscope.engine.sim.Simulation}, its {@link dev.ioscope.engine.sim.JournalEvent journal}, scenarios
 * and what their actions do ({@link dev.ioscope.engine.sim.ScenarioActions}), and exact stepping back by replay
 * ({@link dev.ioscope.engine.sim.Replay}). See docs/scenarios.md.
 */
package dev.ioscope.engine.sim;
