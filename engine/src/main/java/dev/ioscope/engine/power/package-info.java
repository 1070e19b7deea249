/**
 * I/O Kit power management on the simulation's virtual clock (IOServicePM.cpp, IOPMrootDomain.cpp): power state
 * arrays ({@link dev.ioscope.engine.power.IOPMPowerState}, checked by
 * {@link dev.ioscope.engine.power.PowerStateTable}), the power tree in the IOPower plane with IOPowerConnection
 * links, power clients' desires, the state-change machine ({@code StateChange}) with its ack timer, idle timers,
 * and system sleep/wake through {@link dev.ioscope.engine.power.RootDomain}. It plugs into every
 * {@link dev.ioscope.engine.sim.Simulation} as a {@link dev.ioscope.engine.sim.SimulationExtension}. Rules and
 * sources: docs/iokit-rules.md "## Power management"; scenario actions and journal kinds: docs/scenarios.md
 * "## Power".
 */
package dev.ioscope.engine.power;
