package dev.ioscope.engine.service.family;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSSet;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.FamilyMatcher;
import dev.ioscope.engine.service.KeyVerdict;
import dev.ioscope.engine.service.MatchContext;

import java.util.ArrayList;
import java.util.List;

/**
 * IOResources::matchPropertyTable → IOResourcesMatchPropertyTable (xnu-11417.101.15 iokit/Kernel/IOService.cpp,
 * rule R1): IOResourceMatch is walked with {@code OSObject::iterateObjects} — a string is itself, any collection
 * (array, set, dictionary keys) gives its members — and every member must be a string naming a published resource
 * (a property of IOResources); the walk stops at the first that is not. Only without IOResourceMatch does
 * IOResourceMatched decide (its value must be in IOResources' IOResourceMatched array).
 * IOUserResources matches with the same function (IOUserResources::matchPropertyTable), on its own properties (DK9).
 */
public final class ResourcesMatcher implements FamilyMatcher {
    public static final String IO_RESOURCE_MATCH = "IOResourceMatch";
    public static final String IO_RESOURCE_MATCHED = "IOResourceMatched";

    @Override
    public String family() {
        return "IOResources";
    }

    @Override
    public boolean appliesTo(IORegistryEntry nub, MatchContext ctx) {
        // DK9: IOUserResources::matchPropertyTable is the same IOResourcesMatchPropertyTable
        return ctx.conformsTo(nub, "IOResources") || ctx.conformsTo(nub, "IOUserResources");
    }

    /** The objects {@code OSObject::iterateObjects} hands out: a collection's members, else the object itself. */
    public static List<OSObject> members(OSObject prop) {
        if (prop instanceof OSArray a) {
            return a.items();
        }
        if (prop instanceof OSSet s) {
            return s.members();
        }
        if (prop instanceof OSDictionary d) {
            List<OSObject> keys = new ArrayList<>();
            d.keys().forEach(k -> keys.add(OSString.of(k)));
            return keys;
        }
        return List.of(prop);
    }

    @Override
    public Result matchPropertyTable(IORegistryEntry nub, OSDictionary table, int score, MatchContext ctx,
                                     List<KeyVerdict> out) {
        String who = nub.className();
        OSObject prop = table.get(IO_RESOURCE_MATCH);
        if (prop != null) {
            for (OSObject m : members(prop)) {
                if (!(m instanceof OSString s)) {
                    if (out != null) out.add(KeyVerdict.of(false, IO_RESOURCE_MATCH,
                            "a member is an " + m.typeName() + ", not a resource name"));
                    return new Result(false, score);
                }
                boolean has = nub.property(s.value()) != null;
                if (out != null) out.add(KeyVerdict.of(has, IO_RESOURCE_MATCH + " " + s.value(),
                        has ? who + " publishes " + s.value() : who + " does not publish " + s.value()));
                if (!has) {
                    return new Result(false, score);
                }
            }
            return new Result(true, score);
        }
        OSObject matched = table.get(IO_RESOURCE_MATCHED);
        if (matched != null) {
            boolean ok = nub.property(IO_RESOURCE_MATCHED) instanceof OSArray keys && keys.items().contains(matched);
            if (out != null) out.add(KeyVerdict.of(ok, IO_RESOURCE_MATCHED + " " + matched,
                    ok ? "in " + who + "' IOResourceMatched" : "not in " + who + "' IOResourceMatched"));
            return new Result(ok, score);
        }
        return new Result(true, score);
    }
}
