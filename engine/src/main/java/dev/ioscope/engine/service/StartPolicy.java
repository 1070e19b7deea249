package dev.ioscope.engine.service;

import dev.ioscope.engine.registry.IORegistryEntry;

import java.util.Optional;

/**
 * Whether a driver's {@code start()} succeeds, for matching without running code. A kext without code starts as a
 * passive instance; a few well-known classes are known to refuse on purpose. The simulator replaces this with
 * the real outcome of emulated (plugin) drivers.
 */
@FunctionalInterface
public interface StartPolicy {
    /** Empty when start succeeds, else why it fails. */
    Optional<String> startFailure(Personality personality, IORegistryEntry provider);

    /** Every start succeeds. */
    StartPolicy ALWAYS = (p, n) -> Optional.empty();

    /**
     * I/O Kit classes whose start() fails by design: IOHIDProviderPropertyMerger (IOHIDFamily) merges its
     * personality's IOProviderMergeProperties into the provider and returns false, so no instance stays.
     */
    StartPolicy KNOWN = (p, n) -> "IOHIDProviderPropertyMerger".equals(p.ioClass())
            ? Optional.of("IOHIDProviderPropertyMerger::start merges IOProviderMergeProperties into the provider "
            + "and returns false: no instance stays")
            : Optional.empty();
}
