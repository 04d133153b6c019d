package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.WireCode;
import java.util.Optional;

/** The ERROR_CODE values of TDISP_ERROR (PCIe Base 6.x 11.3.24, table 11-27). */
public enum TdispErrorCode implements WireCode {
    INVALID_REQUEST(0x0001),
    BUSY(0x0003),
    INVALID_INTERFACE_STATE(0x0004),
    UNSPECIFIED(0x0005),
    /** ERROR_DATA carries the request code that is not supported. */
    UNSUPPORTED_REQUEST(0x0007),
    VERSION_MISMATCH(0x0041),
    /** ERROR_DATA carries the length of the extended vendor data. */
    VENDOR_SPECIFIC_ERROR(0x00FF),
    INVALID_INTERFACE(0x0101),
    INVALID_NONCE(0x0102),
    INSUFFICIENT_ENTROPY(0x0103),
    INVALID_DEVICE_CONFIGURATION(0x0104);

    private final int code;

    TdispErrorCode(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /**
     * Whether ERROR_DATA is reserved for this code (zero on send): every code but UNSUPPORTED_REQUEST
     * (the request code) and VENDOR_SPECIFIC_ERROR (the extended data's length), per the chapter's
     * Error Code and Error Data table.
     */
    public boolean errorDataReserved() {
        return this != UNSUPPORTED_REQUEST && this != VENDOR_SPECIFIC_ERROR;
    }

    public static Optional<TdispErrorCode> fromCode(long code) {
        return WireCode.lookup(TdispErrorCode.class, code);
    }
}
