package dev.ioscope.engine.report;

import static dev.ioscope.engine.iokit.IOReturn.kIOReturnError;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnSuccess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The common part of IOKit's reporters ({@code iokit/Kernel/IOReporter.cpp}): channels of a fixed dimension
 * ({@code _channelDimension} elements each), one flat array of elements, a per-channel enable count driven by
 * {@code configureReport}, and {@code updateReport} which refreshes and copies the elements of the requested
 * channels. Every element write stamps the element with the supplied virtual clock (ns) — never the wall clock.
 */
public abstract class IOReporter {
    /** A channel: id and optional name ({@code _channelNames}). */
    public record Channel(long id, String name) {
    }

    private final long providerId;
    private final int format;
    private final int categories;
    private final long unit;
    protected final LongSupplier clock;
    protected final int channelDimension;
    private final List<Channel> channels = new ArrayList<>();
    private final Map<Long, Integer> channelIndex = new HashMap<>();
    protected long[] values = new long[0];
    private long[] timestamps = new long[0];
    private int[] enableCounts = new int[0];
    private int enabled;

    protected IOReporter(long providerId, int format, int categories, long unit, int channelDimension,
            LongSupplier clock) {
        if (channelDimension <= 0 || channelDimension > Short.MAX_VALUE) { // init(): nelements > INT16_MAX fails
            throw new IllegalArgumentException("channel dimension " + channelDimension);
        }
        this.providerId = providerId;
        this.format = format;
        this.categories = categories;
        this.unit = unit;
        this.channelDimension = channelDimension;
        this.clock = clock;
    }

    public long providerId() {
        return providerId;
    }

    public int format() {
        return format;
    }

    public long unit() {
        return unit;
    }

    public int categories() {
        return categories;
    }

    public int channelDimension() {
        return channelDimension;
    }

    public List<Channel> channels() {
        return List.copyOf(channels);
    }

    public IOReportChannelType channelType() {
        return new IOReportChannelType(format, categories, channelDimension, 0);
    }

    /**
     * {@code addChannel(id, name)}: always appends — XNU does not check for a repeated id ("FIXME: Check if any
     * channel is already present"), and lookups by id find the first channel with it. Real legends do repeat ids.
     */
    public int addChannel(long channelId, String name) {
        int idx = channels.size();
        channels.add(new Channel(channelId, name));
        channelIndex.putIfAbsent(channelId, idx);
        int n = channels.size() * channelDimension;
        values = Arrays.copyOf(values, n * 4);
        timestamps = Arrays.copyOf(timestamps, n);
        enableCounts = Arrays.copyOf(enableCounts, channels.size());
        initChannel(idx);
        return kIOReturnSuccess;
    }

    /** Sets a new channel's elements to their starting values. */
    protected abstract void initChannel(int channelIdx);

    /** The channel's index, or -1 ({@code getChannelIndex}). */
    protected int indexOf(long channelId) {
        Integer i = channelIndex.get(channelId);
        return i == null ? -1 : i;
    }

    protected int nChannels() {
        return channels.size();
    }

    protected int nElements() {
        return channels.size() * channelDimension;
    }

    /** {@code setElementValues}: stores and stamps with {@code time}. */
    protected void setElement(int element, long v0, long v1, long v2, long v3, long time) {
        int b = element * 4;
        values[b] = v0;
        values[b + 1] = v1;
        values[b + 2] = v2;
        values[b + 3] = v3;
        timestamps[element] = time;
    }

    protected long value(int element, int i) {
        return values[element * 4 + i];
    }

    protected void setValue(int element, int i, long v, long time) {
        values[element * 4 + i] = v;
        timestamps[element] = time;
    }

    /** Refreshes derived values (state residency) before they leave the reporter. */
    protected void updateChannelValues(int channelIdx) {
    }

    /** Whether any subscriber enabled the channel. */
    public boolean isEnabled(long channelId) {
        int i = indexOf(channelId);
        return i >= 0 && enableCounts[i] > 0;
    }

    /**
     * {@code configureReport(channels, action, &result)} as {@code IOReporter::handleConfigureReport}: for each
     * requested channel the reporter knows, Enable adds one to the channel's and the reporter's enable counts and one
     * to the result; Disable subtracts (without a floor, as XNU) and also adds one to the result; GetDimensions adds
     * the channel's element count. The action is matched whole, so an unknown action (including Enable with a
     * modifier bit) changes nothing. Always kIOReturnSuccess. Returns {@code {IOReturn, result}}.
     */
    public long[] configureReport(long[] channelIds, int action) {
        long result = 0;
        for (long id : channelIds) {
            int i = indexOf(id);
            if (i < 0) {
                continue;
            }
            switch (action) {
                case IOReportTypes.kIOReportEnable -> {
                    enabled++;
                    enableCounts[i]++;
                    result++;
                }
                case IOReportTypes.kIOReportDisable -> {
                    enabled--;
                    enableCounts[i]--;
                    result++;
                }
                case IOReportTypes.kIOReportGetDimensions -> result += channelDimension;
                default -> {
                    // "ERROR configureReport unknown action!" — logged, nothing changes
                }
            }
        }
        return new long[] {kIOReturnSuccess, result};
    }

    /**
     * {@code updateReport(channels, kIOReportCopyChannelData, &result, destination)} as
     * {@code IOReporter::handleUpdateReport}: kIOReturnError when no channel of this reporter is enabled; for each
     * requested known channel, refresh then append its elements; an action other than CopyChannelData meeting a known
     * channel is kIOReturnError. Unknown channels are skipped.
     */
    public int updateReport(long[] channelIds, int action, List<IOReportElement> destination) {
        if (enabled == 0) {
            return kIOReturnError;
        }
        for (long id : channelIds) {
            int c = indexOf(id);
            if (c < 0) {
                continue;
            }
            if (action != IOReportTypes.kIOReportCopyChannelData) {
                return kIOReturnError;
            }
            copyChannel(c, destination);
        }
        return kIOReturnSuccess;
    }

    /** Appends channel {@code c}'s elements, refreshed. */
    public void copyChannel(int c, List<IOReportElement> destination) {
        updateChannelValues(c);
        long id = channels.get(c).id();
        for (int e = 0; e < channelDimension; e++) {
            int el = c * channelDimension + e;
            int b = el * 4;
            destination.add(new IOReportElement(providerId, id, new IOReportChannelType(format, categories,
                    channelDimension, e), timestamps[el], values[b], values[b + 1], values[b + 2], values[b + 3]));
        }
    }
}
