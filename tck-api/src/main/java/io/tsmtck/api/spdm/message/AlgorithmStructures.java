package io.tsmtck.api.spdm.message;

import java.util.List;

/**
 * A message with AlgStructures (NEGOTIATE_ALGORITHMS offers, ALGORITHMS selects): the DHE, AEAD and key
 * schedule bits they carry.
 */
public interface AlgorithmStructures {

    /** The AlgStructures. */
    List<AlgorithmStructure> structures();

    /** The DHE groups (offered, or the one selected). */
    default int dhe() {
        return AlgorithmStructure.supported(structures(), AlgorithmStructure.DHE);
    }

    /** The AEAD suites (offered, or the one selected). */
    default int aead() {
        return AlgorithmStructure.supported(structures(), AlgorithmStructure.AEAD);
    }

    /** The key schedules (offered, or the one selected). */
    default int keySchedule() {
        return AlgorithmStructure.supported(structures(), AlgorithmStructure.KEY_SCHEDULE);
    }
}
