package io.tsmtck.api.spdm.algorithm;

import io.tsmtck.api.wire.WireCode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An SPDM version (DSP0274), as the SPDMVersion byte carries it: major in the high nibble, minor in
 * the low one. Secured sessions need 1.1 or later.
 */
public enum SpdmVersion implements WireCode {
    V1_0(0x10),
    V1_1(0x11),
    V1_2(0x12),
    V1_3(0x13);

    private final int code;

    SpdmVersion(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The version of a VERSION entry (bits 15:8 of the u16 entry), if this kit knows it. */
    public static Optional<SpdmVersion> fromCode(int code) {
        return WireCode.lookup(SpdmVersion.class, code);
    }

    /**
     * The label prefix of the key schedule's bin_str (DSP0274 "Key schedule": "spdm1.2 " for 1.2),
     * eight ASCII bytes.
     */
    public byte[] binStrPrefix() {
        return String.format("spdm%d.%d ", code >> 4, code & 0xF).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The 64-byte prefix of every 1.2+ signed message: "dmtf-spdm-v1.2.*" four times (DSP0274
     * "Signature generation").
     */
    public byte[] signingPrefix() {
        return String.format("dmtf-spdm-v%d.%d.*", code >> 4, code & 0xF).repeat(4)
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** True if signatures carry the 1.2 signing context (prefix, padding, context string). */
    public boolean signsWithContext() {
        return code >= V1_2.code;
    }

    @Override
    public String toString() {
        return String.format("SPDM %d.%d (0x%02X)", code >> 4, code & 0xF, code);
    }
}
