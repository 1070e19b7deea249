package dev.ioscope.engine.report;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The {@code IOReportLegend} registry property drivers publish (IOReporter::createLegend, IOReportLegend.cpp): an
 * array of legend entries, each a dictionary with {@code IOReportGroupName}, optional {@code IOReportSubGroupName},
 * {@code IOReportChannels} = array of {@code (channel_id, channel_type, name)} and {@code IOReportChannelInfo} =
 * {@code {IOReportChannelUnit, IOReportChannelConfig (histograms: the IOHistogramSegmentConfig bytes)}}. The
 * channel type travels as one 64-bit number: the packed 8-byte struct read little-endian (format in bits 0–7,
 * categories 16–31, nelements 32–47, element_idx 48–63). Reading is lenient: malformed items are skipped and counted,
 * never thrown.
 */
public final class IOReportLegend {
    public static final String kIOReportLegendKey = "IOReportLegend";
    public static final String kIOReportLegendPublicKey = "IOReportLegendPublic";
    public static final String kIOReportLegendGroupNameKey = "IOReportGroupName";
    public static final String kIOReportLegendSubGroupNameKey = "IOReportSubGroupName";
    public static final String kIOReportLegendChannelsKey = "IOReportChannels";
    public static final String kIOReportLegendInfoKey = "IOReportChannelInfo";
    public static final String kIOReportLegendUnitKey = "IOReportChannelUnit";
    public static final String kIOReportLegendConfigKey = "IOReportChannelConfig";

    /** One channel of a legend entry. */
    public record LegendChannel(long id, IOReportChannelType type, String name) {
    }

    /** One legend entry: a group of channels sharing unit and (for histograms) segment config. */
    public record LegendEntry(String group, String subgroup, long unit, List<IOHistogramSegmentConfig> config,
            List<LegendChannel> channels) {
    }

    /** A parsed legend and how many malformed items were skipped. */
    public record Legend(List<LegendEntry> entries, int skipped) {
    }

    private IOReportLegend() {
    }

    /** The channel type from its 64-bit legend number. */
    public static IOReportChannelType typeFromNumber(long v) {
        return new IOReportChannelType((int) (v & 0xff), (int) ((v >>> 16) & 0xffff), (int) ((v >>> 32) & 0xffff),
                (short) (v >>> 48));
    }

    /** The 64-bit legend number of a channel type. */
    public static long typeToNumber(IOReportChannelType t) {
        return (t.reportFormat() & 0xffL) | (t.categories() & 0xffffL) << 16 | (t.nelements() & 0xffffL) << 32
                | (t.elementIdx() & 0xffffL) << 48;
    }

    /** {@code IOHistogramSegmentConfig[]} from the config bytes: 16 bytes per segment, four little-endian UInt32. */
    public static List<IOHistogramSegmentConfig> segments(byte[] config) {
        List<IOHistogramSegmentConfig> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(config).order(ByteOrder.LITTLE_ENDIAN);
        while (b.remaining() >= 16) {
            out.add(new IOHistogramSegmentConfig(b.getInt(), b.getInt(), b.getInt(), b.getInt()));
        }
        return out;
    }

    public static Legend read(OSObject legend) {
        List<LegendEntry> entries = new ArrayList<>();
        int skipped = 0;
        if (!(legend instanceof OSArray array)) {
            return new Legend(entries, legend == null ? 0 : 1);
        }
        for (OSObject item : array.items()) {
            if (!(item instanceof OSDictionary d) || !(d.get(kIOReportLegendChannelsKey) instanceof OSArray chans)) {
                skipped++;
                continue;
            }
            String group = d.get(kIOReportLegendGroupNameKey) instanceof OSString s ? s.value() : null;
            String subgroup = d.get(kIOReportLegendSubGroupNameKey) instanceof OSString s ? s.value() : null;
            long unit = 0;
            List<IOHistogramSegmentConfig> config = List.of();
            if (d.get(kIOReportLegendInfoKey) instanceof OSDictionary info) {
                if (info.get(kIOReportLegendUnitKey) instanceof OSNumber n) {
                    unit = n.value();
                }
                if (info.get(kIOReportLegendConfigKey) instanceof OSData data) {
                    config = segments(data.toByteArray());
                }
            }
            List<LegendChannel> channels = new ArrayList<>();
            for (OSObject c : chans.items()) {
                if (c instanceof OSArray triple && triple.size() >= 2 && triple.get(0) instanceof OSNumber id
                        && triple.get(1) instanceof OSNumber type) {
                    String name = triple.size() > 2 && triple.get(2) instanceof OSString s ? s.value() : null;
                    channels.add(new LegendChannel(id.value(), typeFromNumber(type.value()), name));
                } else {
                    skipped++;
                }
            }
            entries.add(new LegendEntry(group, subgroup, unit, config, List.copyOf(channels)));
        }
        return new Legend(List.copyOf(entries), skipped);
    }

    /** The legend property for entries (the shape {@code IOReporter::createLegend} publishes). */
    public static OSArray write(List<LegendEntry> entries) {
        List<OSObject> out = new ArrayList<>();
        for (LegendEntry e : entries) {
            List<OSObject> chans = new ArrayList<>();
            for (LegendChannel c : e.channels()) {
                List<OSObject> triple = new ArrayList<>(List.of(OSNumber.of64(c.id()),
                        OSNumber.of64(typeToNumber(c.type()))));
                if (c.name() != null) {
                    triple.add(OSString.of(c.name()));
                }
                chans.add(OSArray.of(triple));
            }
            OSDictionary.Builder info = OSDictionary.builder().put(kIOReportLegendUnitKey, OSNumber.of64(e.unit()));
            if (!e.config().isEmpty()) {
                ByteBuffer b = ByteBuffer.allocate(16 * e.config().size()).order(ByteOrder.LITTLE_ENDIAN);
                for (IOHistogramSegmentConfig s : e.config()) {
                    b.putInt(s.baseBucketWidth()).putInt(s.scaleFlag()).putInt(s.segmentIdx())
                            .putInt(s.segmentBucketCount());
                }
                info.put(kIOReportLegendConfigKey, OSData.of(b.array()));
            }
            OSDictionary.Builder d = OSDictionary.builder().put(kIOReportLegendChannelsKey, OSArray.of(chans))
                    .put(kIOReportLegendInfoKey, info.build());
            if (e.group() != null) {
                d.put(kIOReportLegendGroupNameKey, OSString.of(e.group()));
            }
            if (e.subgroup() != null) {
                d.put(kIOReportLegendSubGroupNameKey, OSString.of(e.subgroup()));
            }
            out.add(d.build());
        }
        return OSArray.of(out);
    }

    /** The legend entry a reporter publishes under {@code group}/{@code subgroup}. */
    public static LegendEntry of(IOReporter r, String group, String subgroup) {
        List<LegendChannel> chans = new ArrayList<>();
        for (IOReporter.Channel c : r.channels()) {
            chans.add(new LegendChannel(c.id(), r.channelType(), c.name()));
        }
        List<IOHistogramSegmentConfig> config = r instanceof IOHistogramReporter h ? h.segments() : List.of();
        return new LegendEntry(group, subgroup, r.unit(), config, List.copyOf(chans));
    }

    /**
     * Every channel a registry's legends declare, as {@link ReportChannel}s (provider = the publishing entry's name
     * and registry entry ID), in registry order — what {@code IOReportCopyAllChannels} lists on a real Mac.
     */
    public static List<ReportChannel> channels(IORegistry registry) {
        List<ReportChannel> out = new ArrayList<>();
        for (IORegistryEntry e : registry.entries()) {
            OSObject legend = e.property(kIOReportLegendKey);
            if (legend == null) {
                continue;
            }
            for (LegendEntry le : read(legend).entries()) {
                for (LegendChannel c : le.channels()) {
                    out.add(new ReportChannel(e.name(), e.registryEntryID(), le.group(), le.subgroup(), c.id(),
                            c.name(), c.type(), le.unit()));
                }
            }
        }
        return out;
    }

    /**
     * Emulated reporters for every legend of a registry, filed in {@code hub} under the publishing entry's name and
     * the legend's group/subgroup, so a real machine's channel set can be sampled with emulated values. Simple and
     * state channels of one legend entry share a reporter (state channels grouped by their state count); each
     * histogram channel gets its own reporter built from the entry's segment config; a simple-array channel holds
     * {@code nelements × 4} values. Channels a reporter cannot be made for (a histogram whose config is missing or
     * refused) are counted in the result, not thrown.
     */
    public static int instantiate(IORegistry registry, IOReportHub hub, LongSupplier clock) {
        int refused = 0;
        for (IORegistryEntry e : registry.entries()) {
            OSObject legend = e.property(kIOReportLegendKey);
            if (legend == null) {
                continue;
            }
            long provider = e.registryEntryID();
            for (LegendEntry le : read(legend).entries()) {
                IOSimpleReporter simple = null;
                Map<Integer, IOStateReporter> states = new LinkedHashMap<>();
                for (LegendChannel c : le.channels()) {
                    IOReportChannelType t = c.type();
                    switch (t.reportFormat()) {
                        case IOReportTypes.kIOReportFormatSimple -> {
                            if (simple == null) {
                                simple = new IOSimpleReporter(provider, t.categories(), le.unit(), clock);
                                hub.addReporterLegend(e.name(), simple, le.group(), le.subgroup());
                            }
                            simple.addChannel(c.id(), c.name());
                        }
                        case IOReportTypes.kIOReportFormatState -> {
                            if (t.nelements() == 0) {
                                refused++;
                                continue;
                            }
                            IOStateReporter r = states.computeIfAbsent(t.nelements(), n -> {
                                IOStateReporter s = new IOStateReporter(provider, t.categories(), n, le.unit(), clock);
                                hub.addReporterLegend(e.name(), s, le.group(), le.subgroup());
                                return s;
                            });
                            r.addChannel(c.id(), c.name());
                        }
                        case IOReportTypes.kIOReportFormatHistogram -> {
                            IOHistogramReporter h = IOHistogramReporter.with(provider, t.categories(), c.id(),
                                    c.name(), le.unit(), le.config(), clock);
                            if (h == null) {
                                refused++;
                            } else {
                                hub.addReporterLegend(e.name(), h, le.group(), le.subgroup());
                            }
                        }
                        case IOReportTypes.kIOReportFormatSimpleArray -> {
                            if (t.nelements() == 0) {
                                refused++;
                                continue;
                            }
                            IOSimpleArrayReporter a = new IOSimpleArrayReporter(provider, t.categories(), le.unit(),
                                    t.nelements() * IOReportTypes.IOR_VALUES_PER_ELEMENT, clock);
                            a.addChannel(c.id(), c.name());
                            hub.addReporterLegend(e.name(), a, le.group(), le.subgroup());
                        }
                        default -> refused++;
                    }
                }
            }
        }
        return refused;
    }
}
