package dev.ioscope.engine.userclient;

/**
 * A service that can be opened: {@code IOService::newUserClient(task, securityID, type, ...)}. The base IOService
 * answers kIOReturnUnsupported when it names no {@code IOUserClientClass}; an emulated driver returns its client.
 */
@FunctionalInterface
public interface UserClientProvider {
    record NewUserClient(int result, IOUserClient client) {
    }

    NewUserClient newUserClient(int type);
}
