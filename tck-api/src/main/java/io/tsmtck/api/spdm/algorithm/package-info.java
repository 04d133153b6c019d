/**
 * The SPDM algorithms this kit negotiates (DSP0274 NEGOTIATE_ALGORITHMS), each an enum whose
 * constants carry their bit in the algorithm field and the JDK primitive that implements them:
 * {@link io.tsmtck.api.spdm.algorithm.HashAlgorithm}, {@link io.tsmtck.api.spdm.algorithm.AsymAlgorithm},
 * {@link io.tsmtck.api.spdm.algorithm.DheGroup}, {@link io.tsmtck.api.spdm.algorithm.AeadAlgorithm},
 * grouped by {@link io.tsmtck.api.spdm.algorithm.AlgorithmSuite}. JDK crypto only.
 *
 * <p>Nullness: no parameter or return value in this package is null.
 */
package io.tsmtck.api.spdm.algorithm;
