package io.tsmtck.api.wire;

import java.io.ByteArrayOutputStream;

/**
 * Writes the fields of one message, little-endian unless made {@link #bigEndian()}.
 *
 * <p>Lifecycle: one writer per encode call. Threading: not thread-safe.
 */
public final class WireWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean bigEndian;

    private WireWriter(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    public static WireWriter littleEndian() {
        return new WireWriter(false);
    }

    public static WireWriter bigEndian() {
        return new WireWriter(true);
    }

    public WireWriter u8(int value) {
        return unsigned(value, 1);
    }

    public WireWriter u16(int value) {
        return unsigned(value, 2);
    }

    public WireWriter u32(long value) {
        return unsigned(value, 4);
    }

    public WireWriter u64(long value) {
        return unsigned(value, 8);
    }

    public WireWriter bytes(ByteString value) {
        out.writeBytes(value.toByteArray());
        return this;
    }

    /** Writes {@code length} zero bytes (reserved fields, padding). */
    public WireWriter zeros(int length) {
        out.writeBytes(new byte[length]);
        return this;
    }

    /** Bytes written so far. */
    public int size() {
        return out.size();
    }

    public ByteString toByteString() {
        return ByteString.of(out.toByteArray());
    }

    private WireWriter unsigned(long value, int width) {
        for (int i = 0; i < width; i++) {
            int shift = bigEndian ? 8 * (width - 1 - i) : 8 * i;
            out.write((int) (value >>> shift) & 0xFF);
        }
        return this;
    }
}
