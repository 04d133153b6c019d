package io.tsmtck.api.idekm;

import java.util.Optional;

/** The Status of KP_ACK. */
public enum KpAckStatus {
    SUCCESS(0),
    INCORRECT_LENGTH(1),
    UNSUPPORTED_PORT_INDEX(2),
    UNSUPPORTED_VALUE(3),
    UNSPECIFIED_FAILURE(4);

    private final int code;

    KpAckStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<KpAckStatus> fromCode(int code) {
        for (KpAckStatus status : values()) {
            if (status.code == code) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
