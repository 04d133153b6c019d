package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;

/** The four header bytes every SPDM message starts with, and the checks shared by the decoders. */
record Header(int version, RequestResponseCode code, int param1, int param2) {

    WireWriter writer() {
        return WireWriter.littleEndian().u8(version).u8(code.code()).u8(param1).u8(param2);
    }

    static ByteString only(int version, RequestResponseCode code, int param1, int param2) {
        return new Header(version, code, param1, param2).writer().toByteString();
    }

    /** Fails unless a reserved parameter is zero (under REJECT). */
    static void reservedParam(WireReader in, String name, int value, int offset) throws MalformedException {
        in.reservedBits(name, value, 0xFF, offset);
    }

    static void checkU8(String name, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(name + " must be a u8: " + value);
        }
    }

    static void checkU16(String name, int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(name + " must be a u16: " + value);
        }
    }
}
