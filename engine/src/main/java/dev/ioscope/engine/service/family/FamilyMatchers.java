package dev.ioscope.engine.service.family;

import java.util.List;

/** The family matchers I/O Kit ships, most specific first (the first that applies to a nub is used). */
public final class FamilyMatchers {
    private FamilyMatchers() {
    }

    public static List<FamilyMatcher> standard() {
        return List.of(new ResourcesMatcher(), new PciMatcher(), new UsbMatcher(), new HidMatcher());
    }
}
