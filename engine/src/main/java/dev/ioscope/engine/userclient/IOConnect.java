package dev.ioscope.engine.userclient;

import static dev.ioscope.engine.iokit.IOReturn.MACH_SEND_INVALID_DEST;
import static dev.ioscope.engine.iokit.IOReturn.MIG_ARRAY_TOO_LARGE;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnBadArgument;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnIPCError;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnNoMemory;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnSuccess;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnUnderrun;
import static dev.ioscope.engine.userclient.IOExternalMethodArguments.kIOUCScalarMax;
import static dev.ioscope.engine.userclient.IOExternalMethodArguments.kIOUCStructInbandMax;

import dev.ioscope.engine.memory.IOMapOptions;
import dev.ioscope.engine.memory.IOMemoryMap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The client half of a connection ({@code io_connect_t}) with IOKitLib's call API. Each call goes the way a real one
 * does: IOKitLib's {@code IOConnectCallMethod} routes a structure of at most 4096 bytes inband and a larger one
 * out-of-line; the MIG stub refuses more than 16 scalars in (MIG_ARRAY_TOO_LARGE) and the server clamps the scalar
 * output room to 16; {@code is_io_connect_method} refuses an out-of-line structure of 4096 bytes or less
 * (kIOReturnIPCError), wraps out-of-line memory in descriptors, zeroes the scalar outputs, and calls the user
 * client; the caller gets back the counts and sizes the method reported.
 */
public final class IOConnect {
    /**
     * Emulation limit: out-of-line structures above 64 MiB are refused with kIOReturnNoMemory (the kernel's
     * descriptor creation or wiring would fail for absurd sizes; here it also keeps the JVM heap safe).
     */
    public static final long kMaxOutOfLineSize = 64L << 20;
    /** IOKitLib's {@code kIOConnectMethodVarOutputSize}: output room meaning "let the method size it". */
    public static final int kIOConnectMethodVarOutputSize = -3;

    private final IOUserClient client;
    private final VirtualTimeSink time;
    private boolean closed;
    private long nextAsyncId = 1;

    IOConnect(IOUserClient client, VirtualTimeSink time) {
        this.client = client;
        this.time = time;
    }

    public IOUserClient client() {
        return client;
    }

    public boolean isClosed() {
        return closed;
    }

    /** {@code IOConnectCallMethod}: {@code outputCnt} and {@code outputStructCnt} are the caller's room. */
    public CallResult callMethod(int selector, long[] input, byte[] inputStruct, int outputCnt, int outputStructCnt) {
        return call(selector, input, inputStruct, outputCnt, outputStructCnt, null);
    }

    /** {@code IOConnectCallScalarMethod}: no structures. */
    public CallResult callScalarMethod(int selector, long[] input, int outputCnt) {
        return call(selector, input, null, outputCnt, 0, null);
    }

    /** {@code IOConnectCallStructMethod}: no scalars. */
    public CallResult callStructMethod(int selector, byte[] inputStruct, int outputStructCnt) {
        return call(selector, null, inputStruct, 0, outputStructCnt, null);
    }

    /**
     * {@code IOConnectCallAsyncMethod}: like {@link #callMethod} with a wake port and a reference; the method's
     * immediate result comes back here, the completion later through {@code callback} on virtual time.
     */
    public CallResult callAsyncMethod(int selector, AsyncReference.AsyncCallback callback, long refcon, long[] input,
            byte[] inputStruct, int outputCnt, int outputStructCnt) {
        if (callback == null) {
            return new CallResult(kIOReturnBadArgument, new long[0], new byte[0]);
        }
        return call(selector, input, inputStruct, outputCnt, outputStructCnt,
                new AsyncReference(nextAsyncId++, callback, refcon));
    }

    private CallResult call(int selector, long[] input, byte[] inputStruct, int outputCnt, int outputStructCnt,
            AsyncReference async) {
        long[] in = input == null ? new long[0] : input;
        byte[] inStruct = inputStruct == null ? new byte[0] : inputStruct;
        if (outputStructCnt == kIOConnectMethodVarOutputSize && async == null) {
            return varOutput(selector, in, inStruct, outputCnt);
        }
        // IOKitLib: <= sizeof(io_struct_inband_t) travels inband, larger out-of-line
        boolean oolIn = inStruct.length > kIOUCStructInbandMax;
        boolean oolOut = Integer.toUnsignedLong(outputStructCnt) > kIOUCStructInbandMax;
        return ioConnectMethod(selector, in, oolIn ? null : inStruct, oolIn ? inStruct : null, outputCnt,
                oolOut ? 0 : outputStructCnt, oolOut ? Integer.toUnsignedLong(outputStructCnt) : 0, async);
    }

    /**
     * The raw MIG routine {@code io_connect_method} (inband and out-of-line structures given separately) — what
     * {@code is_io_connect_method} receives. Exposed so the kernel's own checks can be exercised directly.
     */
    public CallResult ioConnectMethod(int selector, long[] scalarInput, byte[] inbandInput, byte[] oolInput,
            int scalarOutputCnt, int inbandOutputCnt, long oolOutputSize, AsyncReference async) {
        if (closed) {
            return fail(MACH_SEND_INVALID_DEST);
        }
        if (scalarInput.length > kIOUCScalarMax || (inbandInput != null && inbandInput.length > kIOUCStructInbandMax)) {
            return fail(MIG_ARRAY_TOO_LARGE);
        }
        // MIG server: out arrays get min(requested, capacity) room
        int scalarRoom = (int) Math.min(Integer.toUnsignedLong(scalarOutputCnt), kIOUCScalarMax);
        int inbandRoom = (int) Math.min(Integer.toUnsignedLong(inbandOutputCnt), kIOUCStructInbandMax);
        if (oolInput != null && oolInput.length <= kIOUCStructInbandMax) {
            return fail(kIOReturnIPCError);
        }
        if (oolOutputSize != 0 && oolOutputSize <= kIOUCStructInbandMax) {
            return fail(kIOReturnIPCError);
        }
        if ((oolInput != null && oolInput.length > kMaxOutOfLineSize) || oolOutputSize < 0
                || oolOutputSize > kMaxOutOfLineSize) {
            return fail(kIOReturnNoMemory);
        }
        IOExternalMethodArguments args = new IOExternalMethodArguments();
        args.selector = selector;
        args.scalarInput = scalarInput;
        args.scalarInputCount = scalarInput.length;
        args.structureInput = inbandInput == null ? new byte[0] : inbandInput;
        args.structureInputSize = args.structureInput.length;
        if (oolInput != null) {
            args.structureInputDescriptor = IOMemoryDescriptor.withBytes(oolInput.clone());
        }
        args.scalarOutput = new long[scalarRoom];
        args.scalarOutputCount = scalarRoom;
        args.structureOutput = new byte[inbandRoom];
        args.structureOutputSize = inbandRoom;
        byte[] oolOut = null;
        if (oolOutputSize != 0) {
            oolOut = new byte[(int) oolOutputSize];
            args.structureOutputDescriptor = IOMemoryDescriptor.withBytes(oolOut);
            args.structureOutputDescriptorSize = oolOutputSize;
        }
        if (async != null) {
            args.asyncWakePort = async;
            args.asyncReference = new long[IOExternalMethodArguments.kOSAsyncRef64Count];
            args.asyncReference[0] = async.id();
            args.asyncReferenceCount = IOExternalMethodArguments.kOSAsyncRef64Count;
        }
        int ret = client.callExternalMethod(selector, args);
        long[] scalars = Arrays.copyOf(args.scalarOutput,
                Math.max(0, Math.min(args.scalarOutputCount, args.scalarOutput.length)));
        byte[] out;
        if (oolOut != null) {
            out = Arrays.copyOf(oolOut, (int) Math.max(0, Math.min(args.structureOutputDescriptorSize, oolOut.length)));
        } else {
            out = Arrays.copyOf(args.structureOutput,
                    Math.max(0, Math.min(args.structureOutputSize, args.structureOutput.length)));
        }
        return new CallResult(ret, scalars, out);
    }

    /**
     * {@code io_connect_method_var_output}: no inband or out-of-line output room (so the row's structure output must
     * be 0 or variable); on success the method's variable data comes back, and a success without data is
     * kIOReturnUnderrun.
     */
    private CallResult varOutput(int selector, long[] in, byte[] inStruct, int outputCnt) {
        if (closed) {
            return fail(MACH_SEND_INVALID_DEST);
        }
        if (in.length > kIOUCScalarMax) {
            return fail(MIG_ARRAY_TOO_LARGE);
        }
        boolean ool = inStruct.length > kIOUCStructInbandMax;
        if (ool && inStruct.length > kMaxOutOfLineSize) {
            return fail(kIOReturnNoMemory);
        }
        int scalarRoom = (int) Math.min(Integer.toUnsignedLong(outputCnt), kIOUCScalarMax);
        IOExternalMethodArguments args = new IOExternalMethodArguments();
        args.selector = selector;
        args.scalarInput = in;
        args.scalarInputCount = in.length;
        args.structureInput = ool ? new byte[0] : inStruct;
        args.structureInputSize = args.structureInput.length;
        if (ool) {
            args.structureInputDescriptor = IOMemoryDescriptor.withBytes(inStruct.clone());
        }
        args.scalarOutput = new long[scalarRoom];
        args.scalarOutputCount = scalarRoom;
        args.structureVariableOutputRequested = true;
        int ret = client.callExternalMethod(selector, args);
        long[] scalars = Arrays.copyOf(args.scalarOutput,
                Math.max(0, Math.min(args.scalarOutputCount, args.scalarOutput.length)));
        byte[] out = new byte[0];
        if (ret == kIOReturnSuccess) {
            if (args.structureVariableOutputData == null) {
                ret = kIOReturnUnderrun;
            } else {
                out = args.structureVariableOutputData.clone();
            }
        }
        return new CallResult(ret, scalars, out);
    }

    private static CallResult fail(int ret) {
        return new CallResult(ret, new long[0], new byte[0]);
    }

    /** {@code IOConnectMapMemory64(…, kIOMapAnywhere)}: see {@link #mapMemory(int, int)}. */
    public MapResult mapMemory(int memoryType) {
        return mapMemory(memoryType, IOMapOptions.kIOMapAnywhere);
    }

    /**
     * {@code IOConnectMapMemory64}: the client's {@code clientMemoryForType} memory mapped into the caller — a view
     * of the same bytes. {@code mapClientMemory64} keeps the driver's options above kIOMapUserOptionsMask and takes
     * the low twelve bits from the caller's {@code flags} (MD10), so a driver's kIOMapReadOnly gives the caller a
     * read-only view whatever it asks. {@code is_io_connect_map_memory_into_task} turns a failed mapping into
     * kIOReturnBadArgument.
     */
    public MapResult mapMemory(int memoryType, int flags) {
        if (closed) {
            return new MapResult(MACH_SEND_INVALID_DEST, null);
        }
        IOUserClient.ClientMemory m = client.clientMemoryForType(memoryType);
        if (m.result() != kIOReturnSuccess || m.memory() == null) {
            return new MapResult(kIOReturnBadArgument, null);
        }
        int options = IOMemoryMap.userClientOptions(m.options(), flags);
        ByteBuffer view = m.memory().map();
        if ((options & IOMapOptions.kIOMapReadOnly) != 0) {
            view = view.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        }
        return new MapResult(kIOReturnSuccess, view, options);
    }

    /** The result of {@link #mapMemory}: the IOReturn, the caller's view, and the options it was mapped with. */
    public record MapResult(int result, ByteBuffer memory, int options) {
        public MapResult(int result, ByteBuffer memory) {
            this(result, memory, 0);
        }
    }

    /** {@code IOConnectSetNotificationPort} → {@code registerNotificationPort}. */
    public int setNotificationPort(int portType, NotificationPort port, long reference) {
        if (closed) {
            return MACH_SEND_INVALID_DEST;
        }
        return client.registerNotificationPort(port, portType, reference);
    }

    /**
     * {@code IOServiceClose}: {@code is_io_service_close} calls {@code clientClose} once and always answers
     * kIOReturnSuccess; afterwards the connection port is gone, so any call is MACH_SEND_INVALID_DEST.
     */
    public int close() {
        if (closed) {
            return MACH_SEND_INVALID_DEST;
        }
        closed = true;
        if (client.markClosed()) {
            client.clientClose();
        }
        return kIOReturnSuccess;
    }

    /** The owning task died: the kernel sees no-senders on the port and calls {@code clientDied} (once). */
    public void taskDied() {
        if (closed) {
            return;
        }
        closed = true;
        if (client.markClosed()) {
            client.clientDied();
        }
    }

    VirtualTimeSink time() {
        return time;
    }
}
