package io.tsmtck.api.spdm.session;

import io.tsmtck.api.spdm.algorithm.HashAlgorithm;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What an SPDM signature is computed over (DSP0274 "Signature generation"). From 1.2 on: the
 * 64-byte version prefix, zero padding, the 36-byte-aligned context string ("responder-
 * key_exchange_rsp signing", "responder-challenge_auth signing") and the hash of the transcript; in
 * 1.1, the transcript itself. Either way the signature algorithm hashes that message again with the
 * base hash.
 */
public final class SignedMessages {

    /** KEY_EXCHANGE_RSP's context string. */
    public static final String KEY_EXCHANGE_RSP = "responder-key_exchange_rsp signing";
    /** CHALLENGE_AUTH's context string. */
    public static final String CHALLENGE_AUTH = "responder-challenge_auth signing";
    /** MEASUREMENTS' context string. */
    public static final String MEASUREMENTS = "responder-measurements signing";

    private static final int CONTEXT_FIELD = 36;

    private SignedMessages() {
    }

    /** The bytes the signer signs, for a transcript of {@code transcript}. */
    public static byte[] toBeSigned(SpdmVersion version, HashAlgorithm hash, String context, byte[] transcript) {
        if (!version.signsWithContext()) {
            return transcript.clone();
        }
        byte[] label = context.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(version.signingPrefix());
        out.writeBytes(new byte[CONTEXT_FIELD - label.length]);
        out.writeBytes(label);
        out.writeBytes(hash.digest(transcript));
        return out.toByteArray();
    }
}
