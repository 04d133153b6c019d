package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.ByteString;

/** Range checks shared by the message constructors. */
final class Fields {

    private Fields() {
    }

    static void checkU8(String name, int value) {
        check(name, value, 0xFF);
    }

    static void checkU16(String name, int value) {
        check(name, value, 0xFFFF);
    }

    static void checkU32(String name, long value) {
        check(name, value, 0xFFFF_FFFFL);
    }

    static void checkLength(String name, ByteString value, int length) {
        if (value.size() != length) {
            throw new IllegalArgumentException(name + " must be " + length + " bytes, is " + value.size());
        }
    }

    private static void check(String name, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(String.format("%s must be in 0..0x%X: 0x%X", name, max, value));
        }
    }
}
