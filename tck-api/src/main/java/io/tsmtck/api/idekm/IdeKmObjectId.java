package io.tsmtck.api.idekm;

import io.tsmtck.api.wire.WireCode;
import java.util.Optional;

/** The IDE_KM object ids (PCIe Base 6.x 6.33.3; DMTF libspdm {@code include/industry_standard/pci_idekm.h}). */
public enum IdeKmObjectId implements WireCode {
    QUERY(0x00),
    QUERY_RESP(0x01),
    KEY_PROG(0x02),
    KP_ACK(0x03),
    K_SET_GO(0x04),
    K_SET_STOP(0x05),
    K_GOSTOP_ACK(0x06);

    private final int code;

    IdeKmObjectId(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public static Optional<IdeKmObjectId> fromCode(int code) {
        return WireCode.lookup(IdeKmObjectId.class, code);
    }
}
