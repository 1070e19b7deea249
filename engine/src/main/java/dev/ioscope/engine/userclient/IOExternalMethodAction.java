package dev.ioscope.engine.userclient;

/**
 * {@code IOExternalMethodAction}: {@code IOReturn (*)(OSObject * target, void * reference,
 * IOExternalMethodArguments *)}.
 */
@FunctionalInterface
public interface IOExternalMethodAction {
    int call(Object target, Object reference, IOExternalMethodArguments arguments);
}
