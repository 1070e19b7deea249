package dev.ioscope.engine.service.family;

import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.service.FamilyMatcher;
import dev.ioscope.engine.service.MatchContext;

import java.util.List;

/** The family matchers I/O Kit ships, most specific first (the first that applies to a nub is used). */
public final class FamilyMatchers {
    private FamilyMatchers() {
    }

    public static List<FamilyMatcher> standard() {
        return List.of(new ResourcesMatcher(), new PciMatcher(), new UsbMatcher(), new HidMatcher());
    }

    /** A matching context with the families I/O Kit itself ships (IOResources, PCI, USB, HID). */
    public static MatchContext standardContext(IORegistry registry) {
        return new MatchContext(registry, standard());
    }
}
