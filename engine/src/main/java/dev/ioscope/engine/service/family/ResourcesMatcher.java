package dev.ioscope.engine.service.family;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSSet;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.KeyVerdict;
import dev.ioscope.engine.service.MatchContext;

import java.util.List;

/**
 * IOResources::matchPropertyTable (xnu iokit/Kernel/IOService.cpp): on the IOResources nub, IOResourceMatch
 * names a resource that must be published — a property of IOResources; an OSSet of names needs all of them.
 * IOUserResources matches with the same function (IOUserResources::matchPropertyTable), on its own properties.
 * Anything else under the key (an OSArray, which an XML {@code <array>} gives) is neither, and XNU then checks
 * only IOResourceMatched; we do the same and say so.
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

    @Override
    public Result matchPropertyTable(IORegistryEntry nub, OSDictionary table, int score, MatchContext ctx,
                                     List<KeyVerdict> out) {
        String who = nub.className();
        OSObject prop = table.get(IO_RESOURCE_MATCH);
        if (prop instanceof OSString s) {
            boolean ok = nub.property(s.value()) != null;
            if (out != null) out.add(KeyVerdict.of(ok, IO_RESOURCE_MATCH + " " + s.value(),
                    ok ? who + " publishes " + s.value() : who + " does not publish " + s.value()));
            return new Result(ok, score);
        }
        if (prop instanceof OSSet set) {
            boolean ok = true;
            for (OSObject m : set.members()) {
                if (!(m instanceof OSString s)) {
                    break;
                }
                boolean has = nub.property(s.value()) != null;
                if (out != null) out.add(KeyVerdict.of(has, IO_RESOURCE_MATCH + " " + s.value(),
                        has ? who + " publishes " + s.value() : who + " does not publish " + s.value()));
                ok &= has;
                if (!ok) {
                    break;
                }
            }
            return new Result(ok, score);
        }
        if (prop != null) {
            if (out != null) out.add(KeyVerdict.note(IO_RESOURCE_MATCH, "is an " + prop.typeName()
                    + (prop instanceof OSArray ? " (XML <array>)" : "")
                    + ", neither a string nor a set: " + who + " ignores it"));
        }
        OSObject matched = table.get(IO_RESOURCE_MATCHED);
        if (matched instanceof OSString s) {
            boolean ok = nub.properties().containsKey(s.value());
            if (out != null) out.add(KeyVerdict.of(ok, IO_RESOURCE_MATCHED + " " + s.value(),
                    ok ? who + " has the key" : who + " has no such key"));
            return new Result(ok, score);
        }
        return new Result(true, score);
    }
}
