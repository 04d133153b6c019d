package io.tsmtck.emu.bench;

import io.tsmtck.api.spdm.algorithm.AeadAlgorithm;
import io.tsmtck.api.spdm.algorithm.AlgorithmSuite;
import io.tsmtck.api.spdm.algorithm.AsymAlgorithm;
import io.tsmtck.api.spdm.algorithm.DheGroup;
import io.tsmtck.api.spdm.algorithm.HashAlgorithm;

/** Parses the benchmarks' suite parameter, "HASH/ASYM/DHE/AEAD". */
final class Suites {

    private Suites() {
    }

    static AlgorithmSuite parse(String text) {
        String[] parts = text.split("/");
        return new AlgorithmSuite(HashAlgorithm.valueOf(parts[0]), AsymAlgorithm.valueOf(parts[1]),
                DheGroup.valueOf(parts[2]), AeadAlgorithm.valueOf(parts[3]));
    }
}
