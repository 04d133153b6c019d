package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.WireCode;
import java.util.Optional;

/** The SPDM RequestResponseCode byte (DSP0274 tables "SPDM request codes" and "SPDM response codes"). */
public enum RequestResponseCode implements WireCode {
    DIGESTS(0x01),
    CERTIFICATE(0x02),
    CHALLENGE_AUTH(0x03),
    VERSION(0x04),
    MEASUREMENTS(0x60),
    CAPABILITIES(0x61),
    ALGORITHMS(0x63),
    KEY_EXCHANGE_RSP(0x64),
    FINISH_RSP(0x65),
    PSK_EXCHANGE_RSP(0x66),
    PSK_FINISH_RSP(0x67),
    HEARTBEAT_ACK(0x68),
    KEY_UPDATE_ACK(0x69),
    END_SESSION_ACK(0x6C),
    VENDOR_DEFINED_RESPONSE(0x7E),
    ERROR(0x7F),
    GET_DIGESTS(0x81),
    GET_CERTIFICATE(0x82),
    CHALLENGE(0x83),
    GET_VERSION(0x84),
    GET_MEASUREMENTS(0xE0),
    GET_CAPABILITIES(0xE1),
    NEGOTIATE_ALGORITHMS(0xE3),
    KEY_EXCHANGE(0xE4),
    FINISH(0xE5),
    PSK_EXCHANGE(0xE6),
    PSK_FINISH(0xE7),
    HEARTBEAT(0xE8),
    KEY_UPDATE(0xE9),
    END_SESSION(0xEC),
    VENDOR_DEFINED_REQUEST(0xFE),
    RESPOND_IF_READY(0xFF);

    private final int code;

    RequestResponseCode(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** Request codes have bit 7 set. */
    public boolean isRequest() {
        return (code & 0x80) != 0;
    }

    public static Optional<RequestResponseCode> fromCode(int code) {
        return WireCode.lookup(RequestResponseCode.class, code);
    }
}
