package io.tsmtck.api.spdm.message;

import java.util.Set;

/**
 * The Flags of GET_CAPABILITIES and CAPABILITIES (DSP0274 tables "Requester flag fields" and
 * "Responder flag fields"), one constant per bit. The two-bit fields appear as their bits: MEAS_CAP
 * as {@link #MEAS_CAP_NO_SIG} and {@link #MEAS_CAP_SIG}, PSK_CAP as {@link #PSK_CAP} and
 * {@link #PSK_CAP_WITH_CONTEXT}.
 */
public enum CapabilityFlag {
    CACHE_CAP(0),
    CERT_CAP(1),
    CHAL_CAP(2),
    MEAS_CAP_NO_SIG(3),
    MEAS_CAP_SIG(4),
    MEAS_FRESH_CAP(5),
    ENCRYPT_CAP(6),
    MAC_CAP(7),
    MUT_AUTH_CAP(8),
    KEY_EX_CAP(9),
    PSK_CAP(10),
    PSK_CAP_WITH_CONTEXT(11),
    ENCAP_CAP(12),
    HBEAT_CAP(13),
    KEY_UPD_CAP(14),
    HANDSHAKE_IN_THE_CLEAR_CAP(15),
    PUB_KEY_ID_CAP(16),
    CHUNK_CAP(17),
    ALIAS_CERT_CAP(18);

    private final int bit;

    CapabilityFlag(int bit) {
        this.bit = bit;
    }

    public long mask() {
        return 1L << bit;
    }

    /** True if {@code flags} has this bit. */
    public boolean in(long flags) {
        return (flags & mask()) != 0;
    }

    /** The Flags field with {@code flags} set. */
    public static long of(Set<CapabilityFlag> flags) {
        long value = 0;
        for (CapabilityFlag flag : flags) {
            value |= flag.mask();
        }
        return value;
    }
}
