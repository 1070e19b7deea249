package dev.ioscope.engine.report.sampling;

import dev.ioscope.engine.report.ReportChannel;

import java.util.Locale;

/**
 * Which IOReport channels to sample, as {@code IOReportCopyChannelsInGroup(group, subgroup)} picks them, optionally
 * narrowed to one channel id. Null fields match anything.
 *
 * @param group     the legend's {@code IOReportGroupName}, or null
 * @param subgroup  the legend's {@code IOReportSubGroupName}, or null
 * @param channelId the channel's 64-bit id, or null
 */
public record ReportSelection(String group, String subgroup, Long channelId) {
    public static final ReportSelection ALL = new ReportSelection(null, null, null);

    public boolean matches(ReportChannel ch) {
        return (group == null || group.equals(ch.group()))
                && (subgroup == null || subgroup.equals(ch.subgroup()))
                && (channelId == null || channelId == ch.channelId());
    }

    /**
     * A channel id as a user writes it: decimal, {@code 0x} hex, or up to eight characters of an
     * {@code IOREPORT_MAKEID} four-character code (quotes optional: {@code 'pwrS'}).
     *
     * @throws IllegalArgumentException when it is none of these
     */
    public static long parseChannelId(String text) {
        String s = text.trim();
        try {
            if (s.toLowerCase(Locale.ROOT).startsWith("0x")) {
                return Long.parseUnsignedLong(s.substring(2), 16);
            }
            if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
                return Long.parseUnsignedLong(s);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("channel id " + text + " is out of range (64 bits)");
        }
        if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isEmpty() || s.length() > 8 || !s.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new IllegalArgumentException("channel id " + text
                    + " is not a number, 0x hex or a code of 1 to 8 printable characters");
        }
        long id = 0;
        for (int i = 0; i < s.length(); i++) {
            id = (id << 8) | s.charAt(i);
        }
        return id;
    }
}
