package dev.ioscope.engine.sim;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.report.IOReportHub;

/**
 * What one driver instance's {@link DriverBehavior} sees during probe, start and stop: itself, its provider, and
 * its simulation's clock, work loops and reporters. A nub it publishes goes through the simulation's own attach and
 * registerService, so it is journaled and matched like any other.
 */
final class DriverInstanceContext implements DriverBehavior.DriverContext {
    private final Simulation sim;
    private final IORegistryEntry self;
    private final IORegistryEntry provider;

    DriverInstanceContext(Simulation sim, IORegistryEntry self, IORegistryEntry provider) {
        this.sim = sim;
        this.self = self;
        this.provider = provider;
    }

    @Override
    public IORegistryEntry self() {
        return self;
    }

    @Override
    public IORegistryEntry provider() {
        return provider;
    }

    @Override
    public long now() {
        return sim.scheduler().now();
    }

    @Override
    public WorkLoops workLoops() {
        return sim.workLoops();
    }

    @Override
    public IOReportHub reportHub() {
        return sim.reportHub();
    }

    @Override
    public IORegistryEntry publishNub(String className, String name, OSDictionary properties) {
        IORegistryEntry n = sim.registry().createEntry(className, name);
        n.setProperties(properties);
        sim.attach(n, self);
        sim.registerService(n);
        return n;
    }
}
