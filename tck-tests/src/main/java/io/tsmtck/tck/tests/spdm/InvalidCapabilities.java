package io.tsmtck.tck.tests.spdm;

import io.tsmtck.api.spdm.message.CapabilityFlag;
import io.tsmtck.api.spdm.message.GetCapabilities;
import java.util.EnumSet;

/**
 * A GET_CAPABILITIES a responder must refuse (DSP0274 "Requester flag fields", whose dependent flags
 * libspdm checks in libspdm_check_request_flag_compatibility; from 1.2 the DataTransferSize rules),
 * one contradiction at a time on top of a valid set of flags (CERT, CHAL, ENCRYPT, MAC, KEY_EX).
 */
enum InvalidCapabilities {
    /** KEY_EX_CAP needs ENCRYPT_CAP or MAC_CAP. */
    KEY_EXCHANGE_WITHOUT_ENCRYPT_OR_MAC(0x11) {
        @Override
        long flags() {
            return valid() & ~(CapabilityFlag.ENCRYPT_CAP.mask() | CapabilityFlag.MAC_CAP.mask());
        }
    },
    /** ENCRYPT_CAP and MAC_CAP need KEY_EX_CAP or PSK_CAP. */
    ENCRYPT_AND_MAC_WITHOUT_KEY_EXCHANGE(0x11) {
        @Override
        long flags() {
            return valid() & ~CapabilityFlag.KEY_EX_CAP.mask();
        }
    },
    /** HBEAT_CAP needs a way to make a session. */
    HEARTBEAT_WITHOUT_SESSIONS(0x11) {
        @Override
        long flags() {
            return CapabilityFlag.of(EnumSet.of(CapabilityFlag.CERT_CAP, CapabilityFlag.CHAL_CAP,
                    CapabilityFlag.HBEAT_CAP));
        }
    },
    /** A requester's PSK_CAP 10b is reserved. */
    RESERVED_PSK_CAP(0x11) {
        @Override
        long flags() {
            return valid() | CapabilityFlag.PSK_CAP_WITH_CONTEXT.mask();
        }
    },
    /** CHAL_CAP needs a key to challenge with: CERT_CAP or PUB_KEY_ID_CAP. */
    CHALLENGE_WITHOUT_CERTIFICATES(0x11) {
        @Override
        long flags() {
            return valid() & ~CapabilityFlag.CERT_CAP.mask();
        }
    },
    /** DataTransferSize is at least 42 from 1.2. */
    TRANSFER_SIZE_BELOW_42(0x12) {
        @Override
        GetCapabilities of(GetCapabilities standard) {
            return sized(standard, 41, standard.maxMessageSize());
        }
    },
    /** DataTransferSize is at most MaxSPDMmsgSize. */
    TRANSFER_SIZE_ABOVE_MAXIMUM(0x12) {
        @Override
        GetCapabilities of(GetCapabilities standard) {
            return sized(standard, standard.maxMessageSize() + 1, standard.maxMessageSize());
        }
    },
    /** Without CHUNK_CAP, DataTransferSize equals MaxSPDMmsgSize. */
    TRANSFER_SIZE_BELOW_MAXIMUM_WITHOUT_CHUNK(0x12) {
        @Override
        GetCapabilities of(GetCapabilities standard) {
            return sized(standard, standard.maxMessageSize() - 1, standard.maxMessageSize());
        }
    };

    private final int since;

    InvalidCapabilities(int since) {
        this.since = since;
    }

    /** The first SPDM version the contradiction is one in. */
    int since() {
        return since;
    }

    /** The contradictory flags (the valid set unless overridden). */
    long flags() {
        return valid();
    }

    /** {@code standard} with the contradiction. */
    GetCapabilities of(GetCapabilities standard) {
        return new GetCapabilities(standard.version(), standard.ctExponent(), flags(), standard.dataTransferSize(),
                standard.maxMessageSize());
    }

    static long valid() {
        return CapabilityFlag.of(EnumSet.of(CapabilityFlag.CERT_CAP, CapabilityFlag.CHAL_CAP,
                CapabilityFlag.ENCRYPT_CAP,
                CapabilityFlag.MAC_CAP, CapabilityFlag.KEY_EX_CAP));
    }

    private static GetCapabilities sized(GetCapabilities standard, long transfer, long max) {
        return new GetCapabilities(standard.version(), standard.ctExponent(), valid(), transfer, max);
    }
}
