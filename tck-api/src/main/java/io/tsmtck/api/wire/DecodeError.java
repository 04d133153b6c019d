package io.tsmtck.api.wire;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Why a byte sequence is not a well-formed message: which message, which field, at which offset,
 * and why. A responder turns it into the protocol's own error (for TDISP: wrong length or bad value
 * gives {@code INVALID_REQUEST}, an unknown message code {@code UNSUPPORTED_REQUEST}).
 *
 * @param message the message being decoded ("LOCK_INTERFACE_REQUEST", "DOE object", ...)
 * @param messageCode the message's type code when the header could be read
 * @param field the field at fault
 * @param offset the byte offset of that field within the decoded buffer
 * @param reason the kind of defect
 * @param detail a sentence saying what was found and what was expected
 */
public record DecodeError(String message, OptionalInt messageCode, String field, int offset,
                          Reason reason, String detail) {

    /** Kinds of decode defects. */
    public enum Reason {
        /** The buffer ends before the field. */
        TRUNCATED,
        /** Bytes follow the end of the message. */
        OVERSIZED,
        /** A reserved field or bit is not zero (only under {@link ReservedPolicy#REJECT}). */
        RESERVED_NOT_ZERO,
        /** A message or object code that the protocol does not define. */
        UNKNOWN_CODE,
        /** A field whose value the protocol does not allow here. */
        INVALID_VALUE
    }

    public DecodeError {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(messageCode, "messageCode");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        String code = messageCode.isPresent() ? String.format(" (code 0x%02X)", messageCode.getAsInt()) : "";
        return String.format("%s%s: field %s at offset %d: %s: %s", message, code, field, offset, reason, detail);
    }
}
