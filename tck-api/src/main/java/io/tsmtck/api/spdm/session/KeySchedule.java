package io.tsmtck.api.spdm.session;

import io.tsmtck.api.spdm.algorithm.AeadAlgorithm;
import io.tsmtck.api.spdm.algorithm.HashAlgorithm;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.WireWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The SPDM key schedule (DSP0274 "Key schedule", key schedule algorithm SPDM): HKDF with the
 * negotiated hash and labels {@code bin_str(length, "spdm1.x " ‖ label, context)}.
 *
 * <p>Threading: immutable, safe to share.
 */
public final class KeySchedule {

    private final SpdmVersion version;
    private final HashAlgorithm hash;
    private final AeadAlgorithm aead;

    public KeySchedule(SpdmVersion version, HashAlgorithm hash, AeadAlgorithm aead) {
        if (version.code() < SpdmVersion.V1_1.code()) {
            throw new IllegalArgumentException("secured sessions need SPDM 1.1 or later, not " + version);
        }
        this.version = Objects.requireNonNull(version, "version");
        this.hash = Objects.requireNonNull(hash, "hash");
        this.aead = Objects.requireNonNull(aead, "aead");
    }

    /** bin_str: u16 length (LE) ‖ version label ‖ {@code label} ‖ {@code context}. */
    public ByteString binStr(int length, String label, ByteString context) {
        return WireWriter.littleEndian().u16(length).bytes(ByteString.of(version.binStrPrefix()))
                .bytes(ByteString.of(label.getBytes(StandardCharsets.US_ASCII))).bytes(context).toByteString();
    }

    /** The handshake secrets from the DHE shared secret (or PSK) and the hash of TH1. */
    public HandshakeSecrets handshake(ByteString sharedSecret, ByteString th1Hash) {
        byte[] handshakeSecret = Hkdf.extract(hash, new byte[hash.size()], sharedSecret.toByteArray());
        return new HandshakeSecrets(ByteString.of(handshakeSecret),
                expand(handshakeSecret, "req hs data", th1Hash, hash.size()),
                expand(handshakeSecret, "rsp hs data", th1Hash, hash.size()));
    }

    /** The application secrets from the handshake secret and the hash of TH2. */
    public DataSecrets data(HandshakeSecrets handshake, ByteString th2Hash) {
        ByteString salt1 = expand(handshake.handshakeSecret().toByteArray(), "derived", ByteString.EMPTY,
                hash.size());
        byte[] master = Hkdf.extract(hash, salt1.toByteArray(), new byte[hash.size()]);
        return new DataSecrets(ByteString.of(master), expand(master, "req app data", th2Hash, hash.size()),
                expand(master, "rsp app data", th2Hash, hash.size()),
                expand(master, "exp master", th2Hash, hash.size()));
    }

    /** The finished key of one direction's handshake secret (FINISH and KEY_EXCHANGE_RSP HMACs). */
    public ByteString finishedKey(ByteString handshakeDirectionSecret) {
        return expand(handshakeDirectionSecret.toByteArray(), "finished", ByteString.EMPTY, hash.size());
    }

    /** The AEAD key and IV salt of one direction's secret. */
    public TrafficKeys trafficKeys(ByteString directionSecret) {
        byte[] secret = directionSecret.toByteArray();
        return new TrafficKeys(expand(secret, "key", ByteString.EMPTY, aead.keySize()),
                expand(secret, "iv", ByteString.EMPTY, AeadAlgorithm.IV_SIZE));
    }

    /** The next data secret of one direction after KEY_UPDATE ("traffic upd"). */
    public ByteString updated(ByteString dataSecret) {
        return expand(dataSecret.toByteArray(), "traffic upd", ByteString.EMPTY, hash.size());
    }

    /** HMAC of {@code data} under a finished key: the verify data of KEY_EXCHANGE_RSP and FINISH. */
    public ByteString verifyData(ByteString finishedKey, ByteString transcriptHash) {
        return ByteString.of(hash.hmac(finishedKey.toByteArray(), transcriptHash.toByteArray()));
    }

    public HashAlgorithm hash() {
        return hash;
    }

    public AeadAlgorithm aead() {
        return aead;
    }

    public SpdmVersion version() {
        return version;
    }

    private ByteString expand(byte[] secret, String label, ByteString context, int length) {
        return ByteString.of(Hkdf.expand(hash, secret, binStr(length, label, context).toByteArray(), length));
    }
}
