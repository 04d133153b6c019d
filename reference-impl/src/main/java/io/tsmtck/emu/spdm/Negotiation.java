package io.tsmtck.emu.spdm;

import io.tsmtck.api.spdm.algorithm.AlgorithmBit;
import io.tsmtck.api.spdm.algorithm.AlgorithmSuite;
import io.tsmtck.api.spdm.algorithm.AsymAlgorithm;
import io.tsmtck.api.spdm.message.AlgorithmStructure;
import io.tsmtck.api.spdm.message.AlgorithmsResponse;
import io.tsmtck.api.spdm.message.MeasurementBlock;
import io.tsmtck.api.spdm.message.NegotiateAlgorithms;
import io.tsmtck.api.spdm.session.SecuredMessageOpaqueData;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The responder's choice of one algorithm of each kind: its most preferred one that the requester
 * offered. No common algorithm of a kind means no ALGORITHMS.
 */
final class Negotiation {

    private Negotiation() {
    }

    /**
     * The suite to select, or empty if some kind has no common algorithm or the SPDM key schedule is
     * not offered; the signature algorithm is one the device has an identity for.
     */
    static Optional<AlgorithmSuite> select(ResponderConfig config, Set<AsymAlgorithm> identities,
                                           NegotiateAlgorithms request) {
        var hash = first(config.hashes(), request.baseHash());
        var asym = first(config.asyms().stream().filter(identities::contains).toList(), request.baseAsym());
        var dhe = first(config.dheGroups(), request.dhe());
        var aead = first(config.aeads(), request.aead());
        if (hash.isEmpty() || asym.isEmpty() || dhe.isEmpty() || aead.isEmpty()
                || (request.keySchedule() & AlgorithmStructure.SPDM_KEY_SCHEDULE) == 0) {
            return Optional.empty();
        }
        return Optional.of(new AlgorithmSuite(hash.get(), asym.get(), dhe.get(), aead.get()));
    }

    /**
     * ALGORITHMS selecting {@code suite}, one structure for each the request had (ReqBaseAsymAlg
     * selects nothing: no mutual authentication). With {@code measurements}, the DMTF measurement
     * specification and the base hash as MeasurementHashAlgo (its bit one place up: bit 0 is raw bit
     * streams only); without, both 0.
     */
    static AlgorithmsResponse response(int version, NegotiateAlgorithms request, AlgorithmSuite suite,
                                       boolean measurements) {
        int other = version >= 0x12 ? request.otherParams() & SecuredMessageOpaqueData.Format.OPAQUE_DATA_FMT1 : 0;
        List<AlgorithmStructure> structures = request.structures().stream().map(s -> switch (s.type()) {
            case AlgorithmStructure.DHE -> AlgorithmStructure.of(s.type(), suite.dhe().bit());
            case AlgorithmStructure.AEAD -> AlgorithmStructure.of(s.type(), suite.aead().bit());
            case AlgorithmStructure.KEY_SCHEDULE ->
                    AlgorithmStructure.of(s.type(), AlgorithmStructure.SPDM_KEY_SCHEDULE);
            default -> AlgorithmStructure.of(s.type(), 0);
        }).toList();
        return new AlgorithmsResponse(version, measurements ? MeasurementBlock.DMTF : 0, other,
                measurements ? suite.hash().bit() << 1 : 0, suite.asym().bit(), suite.hash().bit(), List.of(),
                List.of(), structures, 0);
    }

    private static <E extends AlgorithmBit> Optional<E> first(List<E> preferred, long offered) {
        return preferred.stream().filter(a -> (offered & a.bit()) != 0).findFirst();
    }
}
