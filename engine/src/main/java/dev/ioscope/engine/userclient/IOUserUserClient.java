package dev.ioscope.engine.userclient;

import static dev.ioscope.engine.iokit.IOReturn.kIOReturnBadArgument;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnUnsupported;

import java.util.Map;

/**
 * The kernel half of a dext's user client (IOUserServer.cpp): calls go to the user class's ExternalMethod. A
 * user class a plugin emulates gives its method table through the same {@link DriverUserClients} SPI as a kext's
 * driver, and its rows are checked as IOUserClientMethodDispatch rows are; a user class nobody emulates keeps
 * DriverKit's base ExternalMethod, which answers kIOReturnUnsupported (IOUserClient::_ExternalMethod_Impl, DK13),
 * and so does its CopyClientMemoryForType. An emulated class's CopyClientMemoryForType hands out the memory types
 * it declares ({@link DriverUserClients.Implementation#memory}, as a kext driver's clientMemoryForType; DK16). An
 * emulated row marked async is an IOUserClientMethodDispatch row with
 * checkCompletionExists = 1: a call without a completion (no OSAction, a synchronous IOConnectCallMethod) is
 * refused with kIOReturnBadArgument before the function runs (DK15).
 */
final class IOUserUserClient extends TableUserClient {
    private final boolean emulated;
    private OSAction lastAction;

    IOUserUserClient(int type, MethodTableJson.MethodTable table, Map<String, IOExternalMethodAction> functions,
                     Map<Integer, IOMemoryDescriptor> memory, boolean emulated) {
        super(type, table, functions, memory);
        this.emulated = emulated;
    }

    /** The OSAction the latest async call created (for the journal), or null; taken once. */
    OSAction takeLastAction() {
        OSAction a = lastAction;
        lastAction = null;
        return a;
    }

    @Override
    public int externalMethod(int selector, IOExternalMethodArguments args) {
        if (args.asyncWakePort != null) {
            // CreateActionKernelCompletion: one action per async call, holding the caller's reference (DK17)
            args.completion = new OSAction(this, args.asyncWakePort);
            lastAction = args.completion;
        }
        if (!emulated) {
            return kIOReturnUnsupported;
        }
        MethodDescription row = method(selector);
        if (row != null && row.async() && args.asyncWakePort == null) {
            return kIOReturnBadArgument;   // checkCompletionExists: the completion field must be set
        }
        return super.externalMethod(selector, args);
    }
}
