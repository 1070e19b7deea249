/**
 * I/O Kit's personality catalogue and matching: {@link dev.ioscope.engine.service.IOCatalogue} (kext
 * personalities by provider class), {@link dev.ioscope.engine.service.PassiveMatcher} (IOService::matchPassive
 * with every generic key), the family matchers of {@code family} (IOResources, PCI, USB, HID), and
 * {@link dev.ioscope.engine.service.MatchEngine} (probeCandidates: ranking, match categories, start fallback),
 * each decision explained in a {@link dev.ioscope.engine.service.MatchingTrace}. The rules and their XNU sources
 * are in docs/iokit-rules.md.
 */
package dev.ioscope.engine.service;
