package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.WireCode;
import java.util.Optional;

/** ERROR's Param1 (DSP0274 table "Error code and error data"). */
public enum SpdmErrorCode implements WireCode {
    INVALID_REQUEST(0x01),
    BUSY(0x03),
    UNEXPECTED_REQUEST(0x04),
    UNSPECIFIED(0x05),
    DECRYPT_ERROR(0x06),
    UNSUPPORTED_REQUEST(0x07),
    REQUEST_IN_FLIGHT(0x08),
    INVALID_RESPONSE_CODE(0x09),
    SESSION_LIMIT_EXCEEDED(0x0A),
    SESSION_REQUIRED(0x0B),
    RESET_REQUIRED(0x0C),
    RESPONSE_TOO_LARGE(0x0D),
    REQUEST_TOO_LARGE(0x0E),
    LARGE_RESPONSE(0x0F),
    MESSAGE_LOST(0x10),
    INVALID_POLICY(0x11),
    VERSION_MISMATCH(0x41),
    RESPONSE_NOT_READY(0x42),
    REQUEST_RESYNCH(0x43),
    OPERATION_FAILED(0x44),
    NO_PENDING_REQUESTS(0x45),
    VENDOR_DEFINED(0xFF);

    private final int code;

    SpdmErrorCode(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public static Optional<SpdmErrorCode> fromCode(int code) {
        return WireCode.lookup(SpdmErrorCode.class, code);
    }
}
