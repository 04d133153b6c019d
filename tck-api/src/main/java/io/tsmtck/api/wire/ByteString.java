package io.tsmtck.api.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable sequence of bytes with value semantics, used for every opaque byte field of a wire
 * message (nonces, keys, report bytes, vendor data) so that messages built from equal bytes are
 * equal.
 *
 * <p>Lifecycle: a plain value; no resources. Threading: immutable, safe to share.
 */
public final class ByteString {

    /** The empty byte string. */
    public static final ByteString EMPTY = new ByteString(new byte[0]);

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private ByteString(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies {@code bytes}; later changes to the array do not affect the result. */
    public static ByteString of(byte... bytes) {
        return new ByteString(bytes.clone());
    }

    /** Copies {@code length} bytes of {@code bytes} starting at {@code offset}. */
    public static ByteString copyOf(byte[] bytes, int offset, int length) {
        return new ByteString(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /**
     * Parses hex digits; spaces are ignored so that vectors can be written as in the spec
     * ({@code "10 81 00 00"}).
     *
     * @throws IllegalArgumentException if the text is not an even number of hex digits
     */
    public static ByteString ofHex(String hex) {
        return new ByteString(HEX.parseHex(hex.replace(" ", "")));
    }

    /** {@code length} zero bytes. */
    public static ByteString zeros(int length) {
        return new ByteString(new byte[length]);
    }

    /** Number of bytes. */
    public int size() {
        return bytes.length;
    }

    /** The byte at {@code index}, as 0..255. */
    public int get(int index) {
        return bytes[index] & 0xFF;
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** True if every byte is zero (also for the empty string). */
    public boolean isAllZero() {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** Lower-case hex without separators. */
    public String hex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ByteString that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "[" + bytes.length + " bytes: " + hex() + "]";
    }
}
