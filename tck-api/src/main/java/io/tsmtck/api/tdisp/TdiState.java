package io.tsmtck.api.tdisp;

import java.util.Optional;

/**
 * The state of a TDISP device interface as the device reports it in DEVICE_INTERFACE_STATE
 * (PCIe Base 6.x 11.1, table 11-14).
 */
public enum TdiState {
    CONFIG_UNLOCKED(0),
    CONFIG_LOCKED(1),
    RUN(2),
    ERROR(3);

    private final int code;

    TdiState(int code) {
        this.code = code;
    }

    /** The TDI_STATE byte. */
    public int code() {
        return code;
    }

    /** The state with this code, if the spec defines one. */
    public static Optional<TdiState> fromCode(int code) {
        for (TdiState state : values()) {
            if (state.code == code) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
