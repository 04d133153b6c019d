package io.tsmtck.emu.spdm;

import io.tsmtck.api.spdm.algorithm.AlgorithmBit;
import io.tsmtck.api.spdm.algorithm.AlgorithmSuite;
import io.tsmtck.api.spdm.message.AlgorithmStructure;
import io.tsmtck.api.spdm.message.AlgorithmsResponse;
import io.tsmtck.api.spdm.message.NegotiateAlgorithms;
import io.tsmtck.api.spdm.session.SecuredMessageOpaqueData;
import java.util.List;
import java.util.Optional;

/**
 * The responder's choice of one algorithm of each kind: its most preferred one that the requester
 * offered. No common algorithm of a kind means no ALGORITHMS.
 */
final class Negotiation {

    private Negotiation() {
    }

    /** The suite to select, or empty if some kind has no common algorithm or the SPDM key schedule is not offered. */
    static Optional<AlgorithmSuite> select(ResponderConfig config, NegotiateAlgorithms request) {
        var hash = first(config.hashes(), request.baseHash());
        var asym = first(config.asyms(), request.baseAsym());
        var dhe = first(config.dheGroups(), request.dhe());
        var aead = first(config.aeads(), request.aead());
        if (hash.isEmpty() || asym.isEmpty() || dhe.isEmpty() || aead.isEmpty()
                || (request.keySchedule() & AlgorithmStructure.SPDM_KEY_SCHEDULE) == 0) {
            return Optional.empty();
        }
        return Optional.of(new AlgorithmSuite(hash.get(), asym.get(), dhe.get(), aead.get()));
    }

    /** ALGORITHMS selecting {@code suite}; no measurements (MeasurementSpecificationSel and MeasurementHashAlgo 0). */
    static AlgorithmsResponse response(int version, NegotiateAlgorithms request, AlgorithmSuite suite) {
        int other = version >= 0x12 ? request.otherParams() & SecuredMessageOpaqueData.Format.OPAQUE_DATA_FMT1 : 0;
        return new AlgorithmsResponse(version, 0, other, 0, suite.asym().bit(), suite.hash().bit(), List.of(), List.of(),
                List.of(AlgorithmStructure.of(AlgorithmStructure.DHE, suite.dhe().bit()),
                        AlgorithmStructure.of(AlgorithmStructure.AEAD, suite.aead().bit()),
                        AlgorithmStructure.of(AlgorithmStructure.REQ_BASE_ASYM, 0),
                        AlgorithmStructure.of(AlgorithmStructure.KEY_SCHEDULE, AlgorithmStructure.SPDM_KEY_SCHEDULE)));
    }

    private static <E extends AlgorithmBit> Optional<E> first(List<E> preferred, long offered) {
        return preferred.stream().filter(a -> (offered & a.bit()) != 0).findFirst();
    }
}
