package dev.ioscope.engine.power;

import dev.ioscope.engine.registry.IORegistryEntry;

import java.util.ArrayList;
import java.util.List;

/** The power management state of one IOService (XNU's IOServicePM), kept by {@link PowerManager}. */
public final class PowerNode {
    final IORegistryEntry entry;
    final String path;
    PowerStateTable table;
    PowerDriverModel driver = PowerDriverModel.SYNCHRONOUS;
    PowerNode parent;
    IORegistryEntry connection;
    final List<PowerNode> children = new ArrayList<>();
    final List<InterestedDriver> interested = new ArrayList<>();
    /** Power clients' desires (gIOPMPowerClientDriver, gIOPMPowerClientDevice); -1 = no request. */
    int driverDesire = -1;
    int deviceDesire = -1;
    /** gIOPMPowerClientChildProxy (temporaryPowerClampOn): the highest state, or -1; ignored once a child asks. */
    int childProxyDesire = -1;
    /** powerOverrideOnPriv: the driver's and the children's desires are ignored (fDeviceOverrideEnabled). */
    boolean overrideOn;
    /**
     * The state whose input this service last asked its parent for (requestDomainPower): the desire before a
     * rise, the state reached after a change of its own; a change its parent forced does not update it.
     */
    int domainRequest;
    /** fInitialPowerChange: the first change (registerPowerDriver's) has not happened yet. */
    boolean initialChangePending;
    int current;
    /** The state being changed to, or -1 when no change is in progress. */
    int target = -1;
    boolean readjust;
    /** The clamp last journaled (desired * 1000 + allowed), -1 when none. */
    int lastClamp = -1;
    /** A lowering change waiting for the children to fit the new output. */
    StateChange waitingChange;
    /** setIdleTimerPeriod's period (fIdleTimerPeriod), in seconds; 0 = no idle timer. */
    long idlePeriodS;
    /** fDeviceActiveTimestamp: when the last activityTickle came (ns on the virtual clock), -1 never. */
    long lastActivity = -1;
    /** fDeviceWasActive: a tickle came since the idle timer last expired. */
    boolean deviceWasActive;
    /** fActivityTicklePowerState: the state the last tickle asked for (-1 = kInvalidTicklePowerState). */
    int ticklePowerState = -1;
    /** fIdleTimerMinPowerState: the idle timer does not lower the device desire below it until reached. */
    int idleTimerMinPowerState;
    long tickles;
    /** True while an idle timer expiry is scheduled (the timer is running, not stopped). */
    boolean idleTimerArmed;
    /** Bumped when the timer is restarted or stopped, so that an expiry scheduled before does nothing. */
    int idleGeneration;

    PowerNode(IORegistryEntry entry, String path) {
        this.entry = entry;
        this.path = path;
    }

    public IORegistryEntry entry() {
        return entry;
    }

    public String path() {
        return path;
    }

    public PowerStateTable table() {
        return table;
    }

    public int currentPowerState() {
        return current;
    }

    public PowerNode powerParent() {
        return parent;
    }

    public List<PowerNode> powerChildren() {
        return List.copyOf(children);
    }

    public boolean changing() {
        return target >= 0;
    }

    /** What this state needs from the parent. */
    int requirement(int state) {
        return table.get(state).inputPowerRequirement();
    }

    /**
     * What this service can be counted on to supply its children: during a change only what both the old and
     * the new state supply, so that children fit the new output before the change happens.
     */
    int supply() {
        int out = table.get(current).outputPowerCharacter();
        if (target >= 0) {
            out &= table.get(target).outputPowerCharacter();
        }
        return out;
    }
}
