package dev.ioscope.engine.userclient;

import static dev.ioscope.engine.userclient.IOExternalMethodDispatch.kIOUCVariableStructureSize;

import java.util.List;

/**
 * A method table row described as data, so a UI can build a form and a plugin can ship its table beside its driver:
 * selector, name, the four argument shapes of the dispatch row ({@link #VARIABLE} = kIOUCVariableStructureSize),
 * whether async calls are allowed, an optional entitlement, a doc string, and optionally the fields of its
 * structure (one layout for input and output, as {@code SMCParamStruct} is both) so a console can offer typed
 * fields and decode answers.
 */
public record MethodDescription(int selector, String name, int scalarInputs, int structureInputSize,
        int scalarOutputs, int structureOutputSize, boolean async, String entitlement, String doc,
        List<StructField> structure) {

    public static final int VARIABLE = kIOUCVariableStructureSize;

    public MethodDescription {
        structure = structure == null ? List.of() : List.copyOf(structure);
    }

    /** A row without a described structure. */
    public MethodDescription(int selector, String name, int scalarInputs, int structureInputSize, int scalarOutputs,
            int structureOutputSize, boolean async, String entitlement, String doc) {
        this(selector, name, scalarInputs, structureInputSize, scalarOutputs, structureOutputSize, async, entitlement,
                doc, List.of());
    }

    /** The dispatch row this description declares, calling {@code function}. */
    public IOExternalMethodDispatch toDispatch(IOExternalMethodAction function) {
        return new IOExternalMethodDispatch(function, scalarInputs, structureInputSize, scalarOutputs,
                structureOutputSize, async, entitlement);
    }
}
