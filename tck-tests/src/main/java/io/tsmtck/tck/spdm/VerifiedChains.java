package io.tsmtck.tck.spdm;

import io.tsmtck.api.spdm.algorithm.HashAlgorithm;
import io.tsmtck.api.spdm.cert.SpdmCertificateChain;
import io.tsmtck.api.wire.ByteString;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Certificate chains the kit has read and validated against a trust anchor, by the digest DIGESTS
 * gives for them: a later connection to a device whose DIGESTS names the same digest under the same
 * anchor skips GET_CERTIFICATE, as a requester with the chain provisioned does (KEY_EXCHANGE binds the
 * chain by its hash, DSP0274; libspdm's requester accepts a provisioned chain the same way). The
 * leaf key still has to sign KEY_EXCHANGE_RSP, so a device that names a cached digest for another
 * chain gets no session. Only chains that validated are kept.
 *
 * <p>Threading: safe for concurrent use.
 */
public final class VerifiedChains {

    /** What one validation established. */
    record Verified(SpdmCertificateChain chain, X509Certificate leaf) {
    }

    private record Key(X509Certificate anchor, HashAlgorithm hash, ByteString digest) {
    }

    private final ConcurrentHashMap<Key, Verified> chains = new ConcurrentHashMap<>();

    /** The chain validated against {@code anchor} whose {@code hash} digest is {@code digest}, if any. */
    Optional<Verified> find(X509Certificate anchor, HashAlgorithm hash, ByteString digest) {
        return Optional.ofNullable(chains.get(new Key(anchor, hash, digest)));
    }

    /** Keeps {@code chain}, which validated against {@code anchor} with {@code leaf} as its leaf. */
    void keep(X509Certificate anchor, HashAlgorithm hash, SpdmCertificateChain chain, X509Certificate leaf) {
        chains.put(new Key(anchor, hash, chain.digest(hash)), new Verified(chain, leaf));
    }

    /** How many chains are kept. */
    public int size() {
        return chains.size();
    }
}
