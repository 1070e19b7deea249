package dev.ioscope.engine.report;

/**
 * One channel as the user-space side lists it ({@code IOReportCopyChannelsInGroup} entries): who publishes it, its
 * group and subgroup, id, name, type and unit.
 */
public record ReportChannel(String providerName, long providerId, String group, String subgroup, long channelId,
        String name, IOReportChannelType channelType, long unit) {
}
