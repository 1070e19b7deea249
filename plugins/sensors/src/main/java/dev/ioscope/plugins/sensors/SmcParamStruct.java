package dev.ioscope.plugins.sensors;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code SMCParamStruct}, the 80-byte structure AppleSMC's kSMCHandleYPCEvent takes in and gives back (the layout
 * user tools such as smcFanControl's smc.h declare, natural alignment, host byte order = little-endian):
 * key UInt32 @0, vers @4 (6 bytes), pLimitData @12 (16 bytes), keyInfo {dataSize UInt32 @28, dataType UInt32 @32,
 * dataAttributes UInt8 @36}, result UInt8 @40, status UInt8 @41, data8 UInt8 @42, data32 UInt32 @44,
 * bytes[32] @48.
 */
public final class SmcParamStruct {
    public static final int SIZE = 80;
    public static final int KEY = 0;
    public static final int KEY_INFO_SIZE = 28;
    public static final int KEY_INFO_TYPE = 32;
    public static final int KEY_INFO_ATTRIBUTES = 36;
    public static final int RESULT = 40;
    public static final int STATUS = 41;
    public static final int DATA8 = 42;
    public static final int DATA32 = 44;
    public static final int BYTES = 48;
    public static final int BYTES_MAX = 32;

    /** SMC commands (data8). */
    public static final int kSMCReadKey = 5;
    public static final int kSMCWriteKey = 6;
    public static final int kSMCGetKeyFromIndex = 8;
    public static final int kSMCGetKeyInfo = 9;
    /** SMC results (result byte). */
    public static final int kSMCSuccess = 0;
    public static final int kSMCError = 1;
    public static final int kSMCKeyNotFound = 0x84;

    private SmcParamStruct() {
    }

    /** A little-endian view of a copy of {@code in}, padded or cut to 80 bytes. */
    public static ByteBuffer of(byte[] in) {
        byte[] b = new byte[SIZE];
        System.arraycopy(in, 0, b, 0, Math.min(in.length, SIZE));
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A request: key, command, and (for reads) the size from a previous kSMCGetKeyInfo. */
    public static byte[] request(String key, int command, int dataSize, int data32) {
        ByteBuffer b = of(new byte[0]);
        b.putInt(KEY, SmcKeys.fourCC(key)).putInt(KEY_INFO_SIZE, dataSize).put(DATA8, (byte) command)
                .putInt(DATA32, data32);
        return b.array();
    }
}
