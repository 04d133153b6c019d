package io.tsmtck.api.wire;

import java.util.Arrays;

/**
 * A byte-level builder for negative tests: starts from a well-formed message's bytes and changes
 * exactly what the test means to break (a byte, a bit, a little-endian field, the length), leaving
 * the original untouched. Every offset is checked, so that a test cannot silently edit nothing.
 *
 * <pre>{@code ByteEditor.of(request.encode()).set(1, 0x88).xor(12, 0x5A).toByteString()}</pre>
 *
 * <p>Threading: not thread-safe; one test's scratch pad.
 */
public final class ByteEditor {

    private byte[] bytes;

    private ByteEditor(byte[] bytes) {
        this.bytes = bytes;
    }

    /** An editor over a copy of {@code message}. */
    public static ByteEditor of(ByteString message) {
        return new ByteEditor(message.toByteArray());
    }

    /** Sets byte {@code offset} to {@code value} (its low eight bits). */
    public ByteEditor set(int offset, int value) {
        check(offset, 1);
        bytes[offset] = (byte) value;
        return this;
    }

    /** Flips the bits of {@code mask} in byte {@code offset}. */
    public ByteEditor xor(int offset, int mask) {
        check(offset, 1);
        bytes[offset] ^= (byte) mask;
        return this;
    }

    /** Writes {@code value} as a little-endian u16 at {@code offset}. */
    public ByteEditor u16(int offset, int value) {
        check(offset, 2);
        bytes[offset] = (byte) value;
        bytes[offset + 1] = (byte) (value >> 8);
        return this;
    }

    /** Writes {@code value} as a little-endian u32 at {@code offset}. */
    public ByteEditor u32(int offset, long value) {
        check(offset, 4);
        for (int i = 0; i < 4; i++) {
            bytes[offset + i] = (byte) (value >> 8 * i);
        }
        return this;
    }

    /** Keeps the first {@code length} bytes (a message cut short). */
    public ByteEditor truncate(int length) {
        if (length < 0 || length > bytes.length) {
            throw new IllegalArgumentException("cannot cut " + bytes.length + " bytes to " + length);
        }
        bytes = Arrays.copyOf(bytes, length);
        return this;
    }

    /** Appends {@code extra} (trailing bytes a message must not have). */
    public ByteEditor append(ByteString extra) {
        byte[] grown = Arrays.copyOf(bytes, bytes.length + extra.size());
        System.arraycopy(extra.toByteArray(), 0, grown, bytes.length, extra.size());
        bytes = grown;
        return this;
    }

    /** The edited bytes. */
    public ByteString toByteString() {
        return ByteString.of(bytes.clone());
    }

    private void check(int offset, int width) {
        if (offset < 0 || offset + width > bytes.length) {
            throw new IndexOutOfBoundsException(String.format("%d byte(s) at offset %d of a %d-byte message",
                    width, offset, bytes.length));
        }
    }
}
