package io.tsmtck.api.spdm.algorithm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An algorithm that is one bit of an SPDM algorithm field (NEGOTIATE_ALGORITHMS, ALGORITHMS). */
public interface AlgorithmBit {

    /** The algorithm's bit. */
    long bit();

    /** The field with the bits of {@code algorithms} set. */
    static long mask(Set<? extends AlgorithmBit> algorithms) {
        long mask = 0;
        for (AlgorithmBit algorithm : algorithms) {
            mask |= algorithm.bit();
        }
        return mask;
    }

    /**
     * The one algorithm a selection field names: empty when no bit, several bits, or an unknown bit
     * is set (a responder selects exactly one).
     */
    static <E extends Enum<E> & AlgorithmBit> Optional<E> selected(Class<E> type, long field) {
        List<E> hits = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            if (field == constant.bit()) {
                hits.add(constant);
            }
        }
        return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
    }
}
