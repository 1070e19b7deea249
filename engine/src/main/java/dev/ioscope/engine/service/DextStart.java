package dev.ioscope.engine.service;

import java.util.Optional;

/** The start outcome matching predicts for dext personalities without running a server. */
public final class DextStart {
    private static final String IO_RESOURCES = "IOResources";

    private DextStart() {
    }

    /**
     * DK3 before {@code base}: IOService::startCandidate refuses to attach a dext personality to IOResources,
     * so that candidate fails and probeCandidates tries the next of its category.
     */
    public static StartPolicy policy(StartPolicy base) {
        return (p, provider) -> DextPersonality.isDext(p) && IO_RESOURCES.equals(provider.className())
                ? Optional.of("IOService::startCandidate does not attach a dext (IOUserServerName) to IOResources")
                : base.startFailure(p, provider);
    }
}
