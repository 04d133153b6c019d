package io.tsmtck.api.spdm.algorithm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The algorithms one session uses, as ALGORITHMS selects them.
 *
 * @param hash the base hash (transcripts, HKDF, HMAC)
 * @param asym the responder's signature algorithm
 * @param dhe the key-exchange group
 * @param aead the record protection
 */
public record AlgorithmSuite(HashAlgorithm hash, AsymAlgorithm asym, DheGroup dhe, AeadAlgorithm aead) {

    public AlgorithmSuite {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(asym, "asym");
        Objects.requireNonNull(dhe, "dhe");
        Objects.requireNonNull(aead, "aead");
    }

    /** Every combination of the algorithms this kit implements. */
    public static List<AlgorithmSuite> all() {
        List<AlgorithmSuite> all = new ArrayList<>();
        for (HashAlgorithm hash : HashAlgorithm.values()) {
            for (AsymAlgorithm asym : AsymAlgorithm.values()) {
                for (DheGroup dhe : DheGroup.values()) {
                    for (AeadAlgorithm aead : AeadAlgorithm.values()) {
                        all.add(new AlgorithmSuite(hash, asym, dhe, aead));
                    }
                }
            }
        }
        return all;
    }

    @Override
    public String toString() {
        return hash + "/" + asym + "/" + dhe + "/" + aead;
    }
}
