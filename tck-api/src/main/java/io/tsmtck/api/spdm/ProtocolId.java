package io.tsmtck.api.spdm;

import io.tsmtck.api.wire.WireCode;
import java.util.Optional;

/** The PCI-SIG protocol id, the first payload byte of a PCI-SIG vendor-defined SPDM message. */
public enum ProtocolId implements WireCode {
    IDE_KM(0x00),
    TDISP(0x01);

    private final int code;

    ProtocolId(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public static Optional<ProtocolId> fromCode(int code) {
        return WireCode.lookup(ProtocolId.class, code);
    }
}
