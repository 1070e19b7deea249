package dev.ioscope.engine.iokit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * IOReturn codes as {@code iokit/IOKit/IOReturn.h} defines them. A code is {@code sys_iokit | sub | code}:
 * {@code err_system(0x38)} puts 0x38 in bits 26..31 (0xe0000000), {@code err_sub(n)} puts n in bits 14..25, and the
 * common codes ({@code iokit_common_err}) use sub-system 0. Every common code of the header is listed with its
 * comment; codes are Java ints holding the same 32 bits as C's {@code kern_return_t}.
 */
public final class IOReturn {
    /** {@code err_system(0x38)}. */
    public static final int SYS_IOKIT = errSystem(0x38);
    /** {@code err_sub(0)}. */
    public static final int SUB_IOKIT_COMMON = errSub(0);

    public static final int kIOReturnSuccess = 0;
    public static final int kIOReturnError = common(0x2bc);
    public static final int kIOReturnNoMemory = common(0x2bd);
    public static final int kIOReturnNoResources = common(0x2be);
    public static final int kIOReturnIPCError = common(0x2bf);
    public static final int kIOReturnNoDevice = common(0x2c0);
    public static final int kIOReturnNotPrivileged = common(0x2c1);
    public static final int kIOReturnBadArgument = common(0x2c2);
    public static final int kIOReturnLockedRead = common(0x2c3);
    public static final int kIOReturnLockedWrite = common(0x2c4);
    public static final int kIOReturnExclusiveAccess = common(0x2c5);
    public static final int kIOReturnBadMessageID = common(0x2c6);
    public static final int kIOReturnUnsupported = common(0x2c7);
    public static final int kIOReturnVMError = common(0x2c8);
    public static final int kIOReturnInternalError = common(0x2c9);
    public static final int kIOReturnIOError = common(0x2ca);
    public static final int kIOReturnCannotLock = common(0x2cc);
    public static final int kIOReturnNotOpen = common(0x2cd);
    public static final int kIOReturnNotReadable = common(0x2ce);
    public static final int kIOReturnNotWritable = common(0x2cf);
    public static final int kIOReturnNotAligned = common(0x2d0);
    public static final int kIOReturnBadMedia = common(0x2d1);
    public static final int kIOReturnStillOpen = common(0x2d2);
    public static final int kIOReturnRLDError = common(0x2d3);
    public static final int kIOReturnDMAError = common(0x2d4);
    public static final int kIOReturnBusy = common(0x2d5);
    public static final int kIOReturnTimeout = common(0x2d6);
    public static final int kIOReturnOffline = common(0x2d7);
    public static final int kIOReturnNotReady = common(0x2d8);
    public static final int kIOReturnNotAttached = common(0x2d9);
    public static final int kIOReturnNoChannels = common(0x2da);
    public static final int kIOReturnNoSpace = common(0x2db);
    public static final int kIOReturnPortExists = common(0x2dd);
    public static final int kIOReturnCannotWire = common(0x2de);
    public static final int kIOReturnNoInterrupt = common(0x2df);
    public static final int kIOReturnNoFrames = common(0x2e0);
    public static final int kIOReturnMessageTooLarge = common(0x2e1);
    public static final int kIOReturnNotPermitted = common(0x2e2);
    public static final int kIOReturnNoPower = common(0x2e3);
    public static final int kIOReturnNoMedia = common(0x2e4);
    public static final int kIOReturnUnformattedMedia = common(0x2e5);
    public static final int kIOReturnUnsupportedMode = common(0x2e6);
    public static final int kIOReturnUnderrun = common(0x2e7);
    public static final int kIOReturnOverrun = common(0x2e8);
    public static final int kIOReturnDeviceError = common(0x2e9);
    public static final int kIOReturnNoCompletion = common(0x2ea);
    public static final int kIOReturnAborted = common(0x2eb);
    public static final int kIOReturnNoBandwidth = common(0x2ec);
    public static final int kIOReturnNotResponding = common(0x2ed);
    public static final int kIOReturnIsoTooOld = common(0x2ee);
    public static final int kIOReturnIsoTooNew = common(0x2ef);
    public static final int kIOReturnNotFound = common(0x2f0);
    public static final int kIOReturnInvalid = common(0x1);

    /** {@code mach/message.h}: a send to a dead or closed port (what a call on a closed connection gets). */
    public static final int MACH_SEND_INVALID_DEST = 0x10000003;
    /** {@code mach/message.h}: a send that timed out (a notification port whose one-message queue is full). */
    public static final int MACH_SEND_TIMED_OUT = 0x10000004;
    /** {@code mach/mig_errors.h}: an array argument longer than the MIG message allows. */
    public static final int MIG_ARRAY_TOO_LARGE = -307;

    private static final Map<Integer, Entry> BY_CODE = new LinkedHashMap<>();

    /** One named code: its value, {@code #define} name and the header's comment. */
    public record Entry(int value, String name, String comment) {
    }

    static {
        add(kIOReturnSuccess, "kIOReturnSuccess", "OK");
        add(kIOReturnError, "kIOReturnError", "general error");
        add(kIOReturnNoMemory, "kIOReturnNoMemory", "can't allocate memory");
        add(kIOReturnNoResources, "kIOReturnNoResources", "resource shortage");
        add(kIOReturnIPCError, "kIOReturnIPCError", "error during IPC");
        add(kIOReturnNoDevice, "kIOReturnNoDevice", "no such device");
        add(kIOReturnNotPrivileged, "kIOReturnNotPrivileged", "privilege violation");
        add(kIOReturnBadArgument, "kIOReturnBadArgument", "invalid argument");
        add(kIOReturnLockedRead, "kIOReturnLockedRead", "device read locked");
        add(kIOReturnLockedWrite, "kIOReturnLockedWrite", "device write locked");
        add(kIOReturnExclusiveAccess, "kIOReturnExclusiveAccess", "exclusive access and device already open");
        add(kIOReturnBadMessageID, "kIOReturnBadMessageID", "sent/received messages had different msg_id");
        add(kIOReturnUnsupported, "kIOReturnUnsupported", "unsupported function");
        add(kIOReturnVMError, "kIOReturnVMError", "misc. VM failure");
        add(kIOReturnInternalError, "kIOReturnInternalError", "internal error");
        add(kIOReturnIOError, "kIOReturnIOError", "General I/O error");
        add(kIOReturnCannotLock, "kIOReturnCannotLock", "can't acquire lock");
        add(kIOReturnNotOpen, "kIOReturnNotOpen", "device not open");
        add(kIOReturnNotReadable, "kIOReturnNotReadable", "read not supported");
        add(kIOReturnNotWritable, "kIOReturnNotWritable", "write not supported");
        add(kIOReturnNotAligned, "kIOReturnNotAligned", "alignment error");
        add(kIOReturnBadMedia, "kIOReturnBadMedia", "Media Error");
        add(kIOReturnStillOpen, "kIOReturnStillOpen", "device(s) still open");
        add(kIOReturnRLDError, "kIOReturnRLDError", "rld failure");
        add(kIOReturnDMAError, "kIOReturnDMAError", "DMA failure");
        add(kIOReturnBusy, "kIOReturnBusy", "Device Busy");
        add(kIOReturnTimeout, "kIOReturnTimeout", "I/O Timeout");
        add(kIOReturnOffline, "kIOReturnOffline", "device offline");
        add(kIOReturnNotReady, "kIOReturnNotReady", "not ready");
        add(kIOReturnNotAttached, "kIOReturnNotAttached", "device not attached");
        add(kIOReturnNoChannels, "kIOReturnNoChannels", "no DMA channels left");
        add(kIOReturnNoSpace, "kIOReturnNoSpace", "no space for data");
        add(kIOReturnPortExists, "kIOReturnPortExists", "port already exists");
        add(kIOReturnCannotWire, "kIOReturnCannotWire", "can't wire down physical memory");
        add(kIOReturnNoInterrupt, "kIOReturnNoInterrupt", "no interrupt attached");
        add(kIOReturnNoFrames, "kIOReturnNoFrames", "no DMA frames enqueued");
        add(kIOReturnMessageTooLarge, "kIOReturnMessageTooLarge", "oversized msg received on interrupt port");
        add(kIOReturnNotPermitted, "kIOReturnNotPermitted", "not permitted");
        add(kIOReturnNoPower, "kIOReturnNoPower", "no power to device");
        add(kIOReturnNoMedia, "kIOReturnNoMedia", "media not present");
        add(kIOReturnUnformattedMedia, "kIOReturnUnformattedMedia", "media not formatted");
        add(kIOReturnUnsupportedMode, "kIOReturnUnsupportedMode", "no such mode");
        add(kIOReturnUnderrun, "kIOReturnUnderrun", "data underrun");
        add(kIOReturnOverrun, "kIOReturnOverrun", "data overrun");
        add(kIOReturnDeviceError, "kIOReturnDeviceError", "the device is not working properly!");
        add(kIOReturnNoCompletion, "kIOReturnNoCompletion", "a completion routine is required");
        add(kIOReturnAborted, "kIOReturnAborted", "operation aborted");
        add(kIOReturnNoBandwidth, "kIOReturnNoBandwidth", "bus bandwidth would be exceeded");
        add(kIOReturnNotResponding, "kIOReturnNotResponding", "device not responding");
        add(kIOReturnIsoTooOld, "kIOReturnIsoTooOld", "isochronous I/O request for distant past!");
        add(kIOReturnIsoTooNew, "kIOReturnIsoTooNew", "isochronous I/O request for distant future");
        add(kIOReturnNotFound, "kIOReturnNotFound", "data was not found");
        add(kIOReturnInvalid, "kIOReturnInvalid", "should never be seen");
        add(MACH_SEND_INVALID_DEST, "MACH_SEND_INVALID_DEST", "bogus destination port");
        add(MACH_SEND_TIMED_OUT, "MACH_SEND_TIMED_OUT", "message not sent before timeout expired");
        add(MIG_ARRAY_TOO_LARGE, "MIG_ARRAY_TOO_LARGE", "array not large enough");
    }

    private IOReturn() {
    }

    private static void add(int value, String name, String comment) {
        BY_CODE.put(value, new Entry(value, name, comment));
    }

    /** {@code err_system(x)}: {@code ((x) & 0x3f) << 26}. */
    public static int errSystem(int system) {
        return (system & 0x3f) << 26;
    }

    /** {@code err_sub(x)}: {@code ((x) & 0xfff) << 14}. */
    public static int errSub(int sub) {
        return (sub & 0xfff) << 14;
    }

    /** {@code iokit_common_err(code)}. */
    public static int common(int code) {
        return SYS_IOKIT | SUB_IOKIT_COMMON | code;
    }

    /** {@code iokit_family_err(sub, code)} with {@code sub} already shifted by {@link #errSub}. */
    public static int family(int sub, int code) {
        return SYS_IOKIT | sub | code;
    }

    /** Every named code in header order. */
    public static Map<Integer, Entry> all() {
        return Collections.unmodifiableMap(BY_CODE);
    }

    /** The {@code #define} name of a code, or null when the header does not name it. */
    public static String name(int code) {
        Entry e = BY_CODE.get(code);
        return e == null ? null : e.name();
    }

    /** The value of a named code ({@code kIOReturnBadArgument}), or null. */
    public static Integer valueOf(String name) {
        for (Entry e : BY_CODE.values()) {
            if (e.name().equals(name)) {
                return e.value();
            }
        }
        return null;
    }

    /**
     * {@code kIOReturnBadArgument (0xe00002c2)}; an unnamed code shows its parts the way {@code mach_error_string}
     * splits them: {@code 0xe0008001 (system 0x38, sub 0x2, code 0x1)}.
     */
    public static String format(int code) {
        String hex = String.format("0x%08x", code);
        String n = name(code);
        if (n != null) {
            return n + " (" + hex + ")";
        }
        return hex + String.format(" (system 0x%x, sub 0x%x, code 0x%x)", (code >>> 26) & 0x3f,
                (code >>> 14) & 0xfff, code & 0x3fff);
    }
}
