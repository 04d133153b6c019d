package io.tsmtck.emu.spdm;

import io.tsmtck.api.spdm.message.CapabilityFlag;
import io.tsmtck.api.spdm.message.GetCapabilities;

/**
 * Whether a GET_CAPABILITIES is one a responder may accept (DSP0274 "Requester flag fields" and the
 * DataTransferSize rules; the same checks as libspdm's libspdm_check_request_flag_compatibility,
 * 1e16c60f): flags that depend on each other set together, reserved values unused, and from 1.2 a
 * DataTransferSize of at least 42 and no more than MaxSPDMmsgSize, equal to it without CHUNK_CAP.
 */
final class RequesterCapabilities {

    private static final int MIN_DATA_TRANSFER_SIZE_12 = 42;

    private RequesterCapabilities() {
    }

    static boolean acceptable(GetCapabilities request) {
        return flagsAcceptable(request.flags(), request.version()) && sizesAcceptable(request);
    }

    static boolean sizesAcceptable(GetCapabilities request) {
        if (request.version() < 0x12) {
            return true;
        }
        long transfer = request.dataTransferSize();
        long max = request.maxMessageSize();
        return transfer >= MIN_DATA_TRANSFER_SIZE_12 && transfer <= max
                && (CapabilityFlag.CHUNK_CAP.in(request.flags()) || transfer == max);
    }

    static boolean flagsAcceptable(long flags, int version) {
        if (version < 0x11) {
            return true;
        }
        boolean cert = CapabilityFlag.CERT_CAP.in(flags);
        boolean chal = CapabilityFlag.CHAL_CAP.in(flags);
        boolean secured = CapabilityFlag.ENCRYPT_CAP.in(flags) || CapabilityFlag.MAC_CAP.in(flags);
        boolean mutAuth = CapabilityFlag.MUT_AUTH_CAP.in(flags);
        boolean keyEx = CapabilityFlag.KEY_EX_CAP.in(flags);
        int psk = (int) (flags >> 10) & 0x3;
        boolean inClear = CapabilityFlag.HANDSHAKE_IN_THE_CLEAR_CAP.in(flags);
        boolean pubKeyId = CapabilityFlag.PUB_KEY_ID_CAP.in(flags);
        int epInfo = (int) (flags >> 22) & 0x3;
        int multiKey = (int) (flags >> 26) & 0x3;
        if (psk >= 2) {
            return false; // a requester's PSK_CAP 2 and 3 are reserved
        }
        if (keyEx || psk != 0) {
            if (!secured) {
                return false;
            }
        } else if (secured || inClear || CapabilityFlag.HBEAT_CAP.in(flags) || CapabilityFlag.KEY_UPD_CAP.in(flags)
                || (version >= 0x13 && ((flags >> 25) & 1) != 0)) {
            return false; // session features without a way to make a session
        }
        if (!keyEx && psk == 1 && inClear) {
            return false;
        }
        if (cert || pubKeyId) {
            if ((cert && pubKeyId) || (!chal && !keyEx && (version < 0x13 || epInfo < 2))) {
                return false;
            }
        } else if (chal || mutAuth || (version >= 0x13 && epInfo == 2)) {
            return false; // authentication without a key to authenticate with
        }
        if (mutAuth && !keyEx && !chal) {
            return false;
        }
        if (version == 0x11 && mutAuth && !CapabilityFlag.ENCAP_CAP.in(flags)) {
            return false;
        }
        return version < 0x13 || (epInfo != 3 && multiKey != 3 && (multiKey == 0 || (!pubKeyId && cert)));
    }
}
