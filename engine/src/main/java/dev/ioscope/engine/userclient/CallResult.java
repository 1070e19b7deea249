package dev.ioscope.engine.userclient;

import dev.ioscope.engine.iokit.IOReturn;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * What {@code IOConnectCallMethod} returns to its caller: the IOReturn, the scalar outputs (as many as the method
 * reported in {@code scalarOutputCount}) and the structure output cut to the size the method reported.
 */
public record CallResult(int result, long[] scalarOutput, byte[] structureOutput) {
    public boolean ok() {
        return result == IOReturn.kIOReturnSuccess;
    }

    /** One line for the journal: {@code kIOReturnSuccess (0x00000000) scalars=[1, 2] struct=0a0b}. */
    @Override
    public String toString() {
        return IOReturn.format(result) + " scalars=" + Arrays.toString(scalarOutput) + " struct="
                + HexFormat.of().formatHex(structureOutput);
    }
}
