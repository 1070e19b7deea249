package dev.ioscope.engine.userclient;

/**
 * One row of a driver's method table: {@code IOExternalMethodDispatch} ({@code IOUserClient.h}) with the two fields
 * {@code IOExternalMethodDispatch2022} adds ({@code allowAsync}, {@code checkEntitlement}). A check field equal to
 * {@link #kIOUCVariableStructureSize} is not checked. Counts and sizes are C {@code uint32_t}; Java ints hold the
 * same bits (0xffffffff is -1).
 */
public record IOExternalMethodDispatch(IOExternalMethodAction function, int checkScalarInputCount,
        int checkStructureInputSize, int checkScalarOutputCount, int checkStructureOutputSize, boolean allowAsync,
        String checkEntitlement) {

    /** {@code kIOUCVariableStructureSize} = 0xffffffff. */
    public static final int kIOUCVariableStructureSize = 0xffffffff;

    /** A classic (pre-2022) row: async calls are not refused by the row, no entitlement. */
    public static IOExternalMethodDispatch of(IOExternalMethodAction function, int scalarIn, int structIn,
            int scalarOut, int structOut) {
        return new IOExternalMethodDispatch(function, scalarIn, structIn, scalarOut, structOut, true, null);
    }
}
