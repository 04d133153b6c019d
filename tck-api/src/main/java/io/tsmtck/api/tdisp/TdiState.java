package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.WireCode;
import java.util.Optional;

/**
 * The state of a TDISP device interface as the device reports it in DEVICE_INTERFACE_STATE
 * (PCIe Base 6.x 11.1, table 11-14).
 */
public enum TdiState implements WireCode {
    CONFIG_UNLOCKED(0),
    CONFIG_LOCKED(1),
    RUN(2),
    ERROR(3);

    private final int code;

    TdiState(int code) {
        this.code = code;
    }

    /** The TDI_STATE byte. */
    @Override
    public int code() {
        return code;
    }

    /** The state with this code, if the spec defines one. */
    public static Optional<TdiState> fromCode(int code) {
        return WireCode.lookup(TdiState.class, code);
    }
}
