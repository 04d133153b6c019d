package io.tsmtck.api.wire;

import java.nio.ByteOrder;
import java.util.OptionalInt;

/**
 * Reads the fields of one message from a byte buffer, checking every read against the end of the
 * buffer and naming the field in any {@link DecodeError}. Little-endian unless made
 * {@link #bigEndian}.
 *
 * <p>Lifecycle: one reader per decode call. Threading: not thread-safe; confined to the decoding
 * thread.
 */
public final class WireReader {

    private final ByteString buffer;
    private String message;
    private final ReservedPolicy policy;
    private final ByteOrder order;
    private OptionalInt messageCode = OptionalInt.empty();
    private int position;

    private WireReader(ByteString buffer, String message, ReservedPolicy policy, ByteOrder order) {
        this.buffer = buffer;
        this.message = message;
        this.policy = policy;
        this.order = order;
    }

    /** A little-endian reader over {@code buffer} decoding a {@code message}. */
    public static WireReader littleEndian(ByteString buffer, String message, ReservedPolicy policy) {
        return new WireReader(buffer, message, policy, ByteOrder.LITTLE_ENDIAN);
    }

    /** A big-endian reader (the SPDM socket framing). */
    public static WireReader bigEndian(ByteString buffer, String message, ReservedPolicy policy) {
        return new WireReader(buffer, message, policy, ByteOrder.BIG_ENDIAN);
    }

    /** Names the message being decoded once its type code is known, for the errors that follow. */
    public void identify(String messageName, int code) {
        this.message = messageName;
        this.messageCode = OptionalInt.of(code);
    }

    /** The reserved-field policy this reader applies. */
    public ReservedPolicy policy() {
        return policy;
    }

    /** The current offset. */
    public int position() {
        return position;
    }

    /** Bytes left after the current offset. */
    public int remaining() {
        return buffer.size() - position;
    }

    /** Reads an unsigned byte. */
    public int u8(String field) throws MalformedException {
        need(field, 1);
        return buffer.get(position++);
    }

    /** Reads an unsigned 16-bit field. */
    public int u16(String field) throws MalformedException {
        return (int) unsigned(field, 2);
    }

    /** Reads an unsigned 32-bit field. */
    public long u32(String field) throws MalformedException {
        return unsigned(field, 4);
    }

    /** Reads a 64-bit field (as a Java long; callers interpret the sign). */
    public long u64(String field) throws MalformedException {
        return unsigned(field, 8);
    }

    /** Reads {@code length} bytes. */
    public ByteString bytes(String field, int length) throws MalformedException {
        need(field, length);
        ByteString value = ByteString.copyOf(buffer.toByteArray(), position, length);
        position += length;
        return value;
    }

    /** Reads every remaining byte. */
    public ByteString rest(String field) throws MalformedException {
        return bytes(field, remaining());
    }

    /** Skips a reserved field of {@code length} bytes, rejecting non-zero content under REJECT. */
    public void reserved(String field, int length) throws MalformedException {
        int start = position;
        ByteString value = bytes(field, length);
        if (policy == ReservedPolicy.REJECT && !value.isAllZero()) {
            throw failure(field, start, DecodeError.Reason.RESERVED_NOT_ZERO,
                    "reserved bytes must be zero, found " + value.hex());
        }
    }

    /**
     * Checks the reserved bits {@code mask} of a field already read, and returns the value with them
     * cleared (so an ignoring decoder drops them).
     */
    public long reservedBits(String field, long value, long mask, int fieldOffset) throws MalformedException {
        if (policy == ReservedPolicy.REJECT && (value & mask) != 0) {
            throw failure(field, fieldOffset, DecodeError.Reason.RESERVED_NOT_ZERO,
                    String.format("reserved bits 0x%X must be zero, value is 0x%X", mask, value));
        }
        return value & ~mask;
    }

    /** Fails unless every byte has been read. */
    public void expectEnd() throws MalformedException {
        if (remaining() > 0) {
            throw failure("(end of message)", position, DecodeError.Reason.OVERSIZED,
                    remaining() + " byte(s) after the end of the message (length " + position + ")");
        }
    }

    /** A decode error for {@code field} at {@code offset}. */
    public MalformedException failure(String field, int offset, DecodeError.Reason reason, String detail) {
        return new MalformedException(new DecodeError(message, messageCode, field, offset, reason, detail));
    }

    /** A decode error for a field value the protocol does not allow. */
    public MalformedException invalid(String field, int offset, String detail) {
        return failure(field, offset, DecodeError.Reason.INVALID_VALUE, detail);
    }

    private long unsigned(String field, int width) throws MalformedException {
        need(field, width);
        long value = 0;
        for (int i = 0; i < width; i++) {
            int b = buffer.get(position + i);
            int shift = order == ByteOrder.LITTLE_ENDIAN ? 8 * i : 8 * (width - 1 - i);
            value |= ((long) b) << shift;
        }
        position += width;
        return value;
    }

    private void need(String field, int width) throws MalformedException {
        if (width < 0 || remaining() < width) {
            throw failure(field, position, DecodeError.Reason.TRUNCATED,
                    "needs " + width + " byte(s), " + Math.max(remaining(), 0) + " left (buffer length "
                            + buffer.size() + ")");
        }
    }
}
