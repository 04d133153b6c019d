package io.tsmtck.api.spdm.session;

import io.tsmtck.api.wire.ByteString;
import java.util.Objects;

/**
 * The AEAD key and IV salt that protect one direction of a session under one key set.
 *
 * @param key the AEAD key
 * @param ivSalt the 12-byte salt the sequence number is XORed into
 */
public record TrafficKeys(ByteString key, ByteString ivSalt) {

    public TrafficKeys {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(ivSalt, "ivSalt");
    }

    /** The IV of record {@code sequenceNumber}: the salt with the u64 number XORed, little endian, into bytes 0-7. */
    public byte[] iv(long sequenceNumber) {
        byte[] iv = ivSalt.toByteArray();
        for (int i = 0; i < Long.BYTES; i++) {
            iv[i] ^= (byte) (sequenceNumber >>> (8 * i));
        }
        return iv;
    }
}
