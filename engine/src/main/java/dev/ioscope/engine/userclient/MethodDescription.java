package dev.ioscope.engine.userclient;

import static dev.ioscope.engine.userclient.IOExternalMethodDispatch.kIOUCVariableStructureSize;

/**
 * A method table row described as data, so a UI can build a form and a plugin can ship its table beside its driver:
 * selector, name, the four argument shapes of the dispatch row ({@link #VARIABLE} = kIOUCVariableStructureSize),
 * whether async calls are allowed, an optional entitlement, and a doc string.
 */
public record MethodDescription(int selector, String name, int scalarInputs, int structureInputSize,
        int scalarOutputs, int structureOutputSize, boolean async, String entitlement, String doc) {

    public static final int VARIABLE = kIOUCVariableStructureSize;

    /** The dispatch row this description declares, calling {@code function}. */
    public IOExternalMethodDispatch toDispatch(IOExternalMethodAction function) {
        return new IOExternalMethodDispatch(function, scalarInputs, structureInputSize, scalarOutputs,
                structureOutputSize, async, entitlement);
    }
}
