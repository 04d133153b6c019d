package io.tsmtck.api.idekm;

import io.tsmtck.api.wire.WireCode;
import java.util.Optional;

/** The Status of KP_ACK. */
public enum KpAckStatus implements WireCode {
    SUCCESS(0),
    INCORRECT_LENGTH(1),
    UNSUPPORTED_PORT_INDEX(2),
    UNSUPPORTED_VALUE(3),
    UNSPECIFIED_FAILURE(4);

    private final int code;

    KpAckStatus(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public static Optional<KpAckStatus> fromCode(int code) {
        return WireCode.lookup(KpAckStatus.class, code);
    }
}
