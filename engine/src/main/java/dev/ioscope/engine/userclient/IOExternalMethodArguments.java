package dev.ioscope.engine.userclient;

/**
 * {@code IOExternalMethodArguments} ({@code IOUserClient.h}) as {@code is_io_connect_method} fills it: scalars are
 * 64-bit, inband structures are byte arrays of at most {@link #kIOUCStructInbandMax} bytes, larger ones arrive as
 * memory descriptors. The method writes its outputs and sets {@link #scalarOutputCount} /
 * {@link #structureOutputSize} (or {@link #structureOutputDescriptorSize}) to what it actually produced.
 */
public final class IOExternalMethodArguments {
    /** {@code sizeof(io_struct_inband_t)}: {@code char[4096]} in {@code device_types.h}. */
    public static final int kIOUCStructInbandMax = 4096;
    /** {@code io_scalar_inband64_t} holds 16 scalars ({@code device_types.h}). */
    public static final int kIOUCScalarMax = 16;
    /** {@code kOSAsyncRef64Count}: an async reference is 8 64-bit words ({@code OSMessageNotification.h}). */
    public static final int kOSAsyncRef64Count = 8;

    public int selector;

    public long[] scalarInput = new long[0];
    public int scalarInputCount;
    public byte[] structureInput = new byte[0];
    public int structureInputSize;
    public IOMemoryDescriptor structureInputDescriptor;

    public long[] scalarOutput = new long[0];
    public int scalarOutputCount;
    public byte[] structureOutput = new byte[0];
    public int structureOutputSize;
    public IOMemoryDescriptor structureOutputDescriptor;
    public long structureOutputDescriptorSize;

    /**
     * Set for {@code io_connect_method_var_output} (IOKitLib's {@code kIOConnectMethodVarOutputSize}): the method
     * may hand back a variable-size result in {@link #structureVariableOutputData} (XNU: an OSData or OSSerialize).
     */
    public boolean structureVariableOutputRequested;
    public byte[] structureVariableOutputData;

    /** Non-null for an async call ({@code asyncWakePort}); carries the client's completion. */
    public AsyncReference asyncWakePort;
    public long[] asyncReference;
    public int asyncReferenceCount;

    /**
     * A dext's {@code IOUserClientMethodArguments.completion}: the {@link OSAction} an async call to an
     * IOUserUserClient gets (null for a synchronous call and for kext clients).
     */
    public OSAction completion;
}
