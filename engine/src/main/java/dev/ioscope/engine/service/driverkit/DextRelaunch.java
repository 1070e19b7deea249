package dev.ioscope.engine.service.driverkit;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.DriverKitKeys;
import dev.ioscope.engine.service.Personality;

import java.util.Optional;

/**
 * The relaunch filter of IOService::probeCandidates (DK11): a provider whose dext server died carries
 * IORematchPersonality; the next matching takes it away and lets only that personality through, until
 * IORematchCount passes gIODextRelaunchMax, after which every personality but that one goes through.
 *
 * @param personality the personality being relaunched
 * @param count       IORematchCount
 */
public record DextRelaunch(OSDictionary personality, long count) {
    /** gIODextRelaunchMax when no "dextrelaunch" boot-arg is given (outside the restore environment). */
    public static final long DEXT_RELAUNCH_MAX = 1000;

    /** Takes IORematchPersonality off the nub (as probeCandidates does), with the count beside it. */
    public static Optional<DextRelaunch> take(IORegistryEntry nub) {
        if (!(nub.property(DriverKitKeys.IO_REMATCH_PERSONALITY) instanceof OSDictionary d)) {
            return Optional.empty();
        }
        long count = nub.property(DriverKitKeys.IO_REMATCH_COUNT) instanceof OSNumber n ? n.value() : 0;
        nub.removeProperty(DriverKitKeys.IO_REMATCH_PERSONALITY);
        return Optional.of(new DextRelaunch(d, count));
    }

    /** Whether the candidate may go on to start. */
    public boolean admits(Personality p) {
        boolean same = p.table().isEqualTo(personality);
        return count > DEXT_RELAUNCH_MAX ? !same : same;
    }
}
