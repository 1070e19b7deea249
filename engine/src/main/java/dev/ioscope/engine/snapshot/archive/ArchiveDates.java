package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.plist.PlistValue.PDate;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * NSDate values of an archive kept in our libkern-typed info dictionaries as ISO-8601 UTC strings with
 * nanoseconds (e.g. {@code 2018-10-16T19:20:45.791877031Z}). The seconds since 2001 are split into whole
 * seconds and a fraction before conversion, so the nanosecond string maps back to the very same double
 * (a double near 5e8 s has a resolution of ~6e-8 s, far coarser than 1 ns).
 */
final class ArchiveDates {
    private static final long EPOCH_2001 = PDate.EPOCH_2001_UNIX;

    private ArchiveDates() {
    }

    static OSString toInfo(PDate d) {
        double t = d.secondsSince2001();
        if (!Double.isFinite(t) || Math.abs(t) > 1e15) {
            return OSString.of("NSDate " + t);
        }
        long whole = (long) Math.floor(t);
        long nanos = Math.round((t - whole) * 1e9);
        if (nanos >= 1_000_000_000L) {
            whole++;
            nanos -= 1_000_000_000L;
        }
        return OSString.of(iso(whole + EPOCH_2001, nanos));
    }

    /**
     * {@link Instant#toString()}'s text (ISO-8601 UTC; the fraction in groups of three digits, none when zero),
     * spelt by hand for years 1970..9999: java.time's formatter cost a cold load more than the rest of an
     * entry's info (every entry has dates). Other years go through {@code Instant}.
     */
    static String iso(long epochSecond, long nanos) {
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secs = (int) Math.floorMod(epochSecond, 86_400L);
        if (days < 0 || days > 2_932_896L) { // 1970-01-01 .. 9999-12-31
            return Instant.ofEpochSecond(epochSecond, nanos).toString();
        }
        // civil date from days since 1970-01-01 (the proleptic Gregorian calendar, as java.time counts)
        long z = days + 719_468L;
        long era = z / 146_097L;
        long doe = z - era * 146_097L;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        StringBuilder b = new StringBuilder(30);
        pad(b, year, 4).append('-');
        pad(b, month, 2).append('-');
        pad(b, day, 2).append('T');
        pad(b, secs / 3600, 2).append(':');
        pad(b, secs / 60 % 60, 2).append(':');
        pad(b, secs % 60, 2);
        if (nanos > 0) {
            b.append('.');
            if (nanos % 1_000_000 == 0) {
                pad(b, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                pad(b, nanos / 1000, 6);
            } else {
                pad(b, nanos, 9);
            }
        }
        return b.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder b, long v, int width) {
        String digits = Long.toString(v);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(digits);
    }

    /** The date a {@link #toInfo} string names, or null if the string is not one. */
    static PDate fromInfo(String s) {
        if (s.startsWith("NSDate ")) {
            try {
                return new PDate(Double.parseDouble(s.substring(7)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            Instant i = Instant.parse(s);
            return new PDate((double) (i.getEpochSecond() - EPOCH_2001) + i.getNano() / 1e9);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
