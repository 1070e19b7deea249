package dev.ioscope.engine.snapshot.text;

import dev.ioscope.engine.registry.EntryState;

import java.util.ArrayList;
import java.util.List;

/**
 * One parsed header line: {@code NAME[@LOCATION]  <class CLASS[, id 0xID][, [!]registered, [!]matched,
 * [in]active, busy N[ (T ms)]][, retain R]>} (ioreg.c show()). The root, not an IOService, has no state fields;
 * ioreg before version 78 has no id; the oldest ioreg wrote "retain count R".
 *
 * @param name        the name in the plane
 * @param location    the location, or null when the header has no '@'
 * @param chain       the class field split at ':' (one element, or the -i chain root class first)
 * @param id          the entry ID, or -1 when the header has none
 * @param state       the service state and retain count
 * @param busyShown   the header printed a busy time
 * @param bold        the name was wrapped in terminal bold escapes (-b)
 */
record IoregHeader(String name, String location, List<String> chain, long id, EntryState state,
                   boolean busyShown, boolean bold) {

    String className() {
        return chain.get(chain.size() - 1);
    }

    /** Parses the text after "+-o "; throws IllegalArgumentException with a column offset in the message. */
    static IoregHeader parse(String text) {
        int cls = text.indexOf("  <class ");
        if (cls < 0) {
            throw new HeaderException(0, "entry header without \"  <class \"");
        }
        String nameLoc = text.substring(0, cls);
        boolean bold = nameLoc.indexOf('\033') >= 0;
        if (bold) {
            nameLoc = nameLoc.replace(IoregPrinter.BOLD_ON, "").replace(IoregPrinter.BOLD_OFF, "")
                    .replaceAll("\033\\[[0-9;]*m", "").replace("\033(B", "");
        }
        int at = nameLoc.indexOf('@');
        String name = at < 0 ? nameLoc : nameLoc.substring(0, at);
        String location = at < 0 ? null : nameLoc.substring(at + 1);
        if (!text.endsWith(">")) {
            throw new HeaderException(text.length(), "entry header does not end with '>'");
        }
        int start = cls + "  <class ".length();
        String[] fields = text.substring(start, text.length() - 1).split(", ", -1);
        List<String> chain = List.of(fields[0].split(":", -1));
        if (fields[0].isEmpty() || chain.stream().anyMatch(String::isEmpty)) {
            throw new HeaderException(start, "entry header without a class name");
        }
        long id = -1;
        boolean service = false;
        boolean registered = false;
        boolean matched = false;
        boolean active = false;
        int busy = 0;
        long busyMs = 0;
        boolean busyShown = false;
        int retain = -1;
        int col = start + fields[0].length();
        for (int i = 1; i < fields.length; i++) {
            String f = fields[i];
            col += 2;
            try {
                if (f.startsWith("id 0x")) {
                    id = Long.parseUnsignedLong(f.substring(5), 16);
                } else if (f.equals("registered") || f.equals("!registered")) {
                    service = true;
                    registered = f.charAt(0) != '!';
                } else if (f.equals("matched") || f.equals("!matched")) {
                    service = true;
                    matched = f.charAt(0) != '!';
                } else if (f.equals("active") || f.equals("inactive")) {
                    service = true;
                    active = f.equals("active");
                } else if (f.startsWith("busy ")) {
                    String b = f.substring(5);
                    int paren = b.indexOf(" (");
                    if (paren >= 0) {
                        if (!b.endsWith(" ms)")) {
                            throw new HeaderException(col, "busy time not in \"(T ms)\" form");
                        }
                        busyMs = Long.parseLong(b.substring(paren + 2, b.length() - 4));
                        busyShown = true;
                        b = b.substring(0, paren);
                    }
                    busy = Integer.parseInt(b);
                } else if (f.startsWith("retain count ")) {
                    retain = Integer.parseInt(f.substring(13));
                } else if (f.startsWith("retain ")) {
                    retain = Integer.parseInt(f.substring(7));
                } else {
                    throw new HeaderException(col, "unknown header field \"" + f + "\"");
                }
            } catch (NumberFormatException e) {
                throw new HeaderException(col, "bad number in header field \"" + f + "\"");
            }
            col += f.length();
        }
        if (busyMs < 0 || retain < -1 || busy < 0) {
            throw new HeaderException(start, "negative count in entry header");
        }
        EntryState state = new EntryState(service, registered, matched, active, busy, busyMs, retain);
        return new IoregHeader(name, location, new ArrayList<>(chain), id, state, busyShown && busyMs == 0, bold);
    }

    /** A header problem at a column offset into the header text. */
    static final class HeaderException extends RuntimeException {
        final int offset;

        HeaderException(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }
}
