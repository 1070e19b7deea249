package dev.ioscope.engine.userclient;

import static dev.ioscope.engine.iokit.IOReturn.kIOReturnUnsupported;

import java.util.Map;

/**
 * The kernel half of a dext's user client (IOUserServer.cpp): calls go to the user class's ExternalMethod. A
 * user class a plugin emulates gives its method table through the same {@link DriverUserClients} SPI as a kext's
 * driver, and its rows are checked as IOUserClientMethodDispatch rows are; a user class nobody emulates keeps
 * DriverKit's base ExternalMethod, which answers kIOReturnUnsupported (IOUserClient::_ExternalMethod_Impl, DK13),
 * and so does its CopyClientMemoryForType.
 */
final class IOUserUserClient extends TableUserClient {
    private final boolean emulated;

    IOUserUserClient(int type, MethodTableJson.MethodTable table, Map<String, IOExternalMethodAction> functions,
                     boolean emulated) {
        super(type, table, functions);
        this.emulated = emulated;
    }

    @Override
    public int externalMethod(int selector, IOExternalMethodArguments args) {
        return emulated ? super.externalMethod(selector, args) : kIOReturnUnsupported;
    }
}
