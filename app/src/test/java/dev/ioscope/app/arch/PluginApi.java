package dev.ioscope.app.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The engine's plugin API as a package set (docs/plugins.md, "What a plugin may use"): what a hardware family
 * implements ({@code spi}, {@code sim.DriverBehavior}, {@code sim.SimulationExtension}) and the I/O Kit
 * vocabulary its drivers work with. Every other engine package — snapshot formats, matching, machine
 * descriptions, the explorer's search, traces, plist codecs, IOReport sampling — is the engine's own.
 */
final class PluginApi {
    /** Exact packages (no sub-packages unless listed). */
    static final Set<String> PACKAGES = Set.of(
            "dev.ioscope.engine.spi",          // HardwareFamily, FamilyContext, DeviceNode, Props, PluginLoader, ...
            "dev.ioscope.engine.os",           // libkern values: OSDictionary, OSNumber, OSData, ...
            "dev.ioscope.engine.iokit",        // IOReturn, IOMessage, ...
            "dev.ioscope.engine.registry",     // IORegistryEntry, IORegistryPlane: what a driver is and sees
            "dev.ioscope.engine.report",       // IOReporter and its kinds, IOReportLegend, IOReportHub
            "dev.ioscope.engine.userclient",   // DriverUserClients, IOExternalMethod*, MethodTableJson
            "dev.ioscope.engine.sim",          // DriverBehavior, SimulationExtension, ScenarioAction, work loops
            "dev.ioscope.engine.journal",      // EventKind, JournalKind: what a journal event is
            "dev.ioscope.engine.power",        // PowerManager, PowerNode (a driver's power states)
            "dev.ioscope.engine.io");          // SnapshotException (every bad input), ParseLimits

    /**
     * Public signatures of the API that still name an engine type outside it: the simulation's matching
     * verdicts and its catalogue, which the workbench reads and no plugin needs. Exact: a new leak fails the
     * build, and one that is fixed must leave this list.
     */
    static final Set<String> KNOWN_LEAKS = Set.of(
            "dev.ioscope.engine.sim.CandidateVerdict.trace() names dev.ioscope.engine.service.MatchingTrace",
            "dev.ioscope.engine.sim.MatchVerdicts.of(dev.ioscope.engine.service.ProviderMatch, "
                    + "dev.ioscope.engine.service.MatchEngine) names dev.ioscope.engine.service.MatchEngine",
            "dev.ioscope.engine.sim.MatchVerdicts.of(dev.ioscope.engine.service.ProviderMatch, "
                    + "dev.ioscope.engine.service.MatchEngine) names dev.ioscope.engine.service.ProviderMatch",
            "dev.ioscope.engine.sim.Simulation.catalogue() names dev.ioscope.engine.service.IOCatalogue",
            "dev.ioscope.engine.sim.Simulation.userServers() names "
                    + "dev.ioscope.engine.service.driverkit.IOUserServers");

    /** Engine classes outside the plugin API. */
    static final DescribedPredicate<JavaClass> OUTSIDE = DescribedPredicate.describe(
            "engine classes outside the plugin API", c -> isEngine(c) && !inApi(c));

    private PluginApi() {
    }

    static boolean isEngine(JavaClass c) {
        return c.getPackageName().startsWith("dev.ioscope.engine");
    }

    static boolean inApi(JavaClass c) {
        return PACKAGES.contains(c.getPackageName());
    }

    /**
     * Public methods and fields of public plugin API types whose signature (parameters, return type, field type,
     * thrown exceptions) names an engine type outside the plugin API: a plugin could not use them without it.
     * (A record's components are checked through their accessors.)
     */
    static List<String> leaks(JavaClasses classes) {
        Set<String> out = new TreeSet<>();
        for (JavaClass c : classes) {
            if (!isEngine(c) || !inApi(c) || !isPublic(c)) {
                continue;
            }
            for (JavaMethod m : c.getMethods()) {
                if (!m.getModifiers().contains(JavaModifier.PUBLIC)) {
                    continue;
                }
                List<JavaClass> named = new ArrayList<>(m.getRawParameterTypes());
                named.add(m.getRawReturnType());
                named.addAll(m.getExceptionTypes());
                for (JavaClass t : named) {
                    JavaClass base = t.isArray() ? t.getBaseComponentType() : t;
                    if (isEngine(base) && !inApi(base)) {
                        out.add(m.getFullName() + " names " + base.getName());
                    }
                }
            }
            for (JavaField f : c.getFields()) {
                JavaClass t = f.getRawType().isArray() ? f.getRawType().getBaseComponentType() : f.getRawType();
                if (f.getModifiers().contains(JavaModifier.PUBLIC) && isEngine(t) && !inApi(t)) {
                    out.add(f.getFullName() + " names " + t.getName());
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static boolean isPublic(JavaClass c) {
        for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (!k.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }
}
