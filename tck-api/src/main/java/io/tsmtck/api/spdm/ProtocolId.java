package io.tsmtck.api.spdm;

import java.util.Optional;

/** The PCI-SIG protocol id, the first payload byte of a PCI-SIG vendor-defined SPDM message. */
public enum ProtocolId {
    IDE_KM(0x00),
    TDISP(0x01);

    private final int code;

    ProtocolId(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<ProtocolId> fromCode(int code) {
        for (ProtocolId id : values()) {
            if (id.code == code) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
