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
        return OSString.of(Instant.ofEpochSecond(whole + EPOCH_2001, nanos).toString());
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
