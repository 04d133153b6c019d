package io.tsmtck.api.spdm.message;

import io.tsmtck.api.spdm.algorithm.AlgorithmSuite;

/**
 * The negotiated sizes a decoder needs for the variable fields of later messages, and the choices
 * that make fields present or absent.
 *
 * @param hashSize H, the base hash size (digests, verify data, measurement summary)
 * @param signatureSize S, the responder's signature size
 * @param exchangeDataSize D, the DHE exchange data size
 * @param measurementSummary true if the request asked for a measurement summary hash (Param1 of
 *     CHALLENGE or KEY_EXCHANGE not 0), so the response carries H bytes of it
 * @param handshakeInTheClear true if both sides set HANDSHAKE_IN_THE_CLEAR_CAP: KEY_EXCHANGE_RSP then
 *     has no ResponderVerifyData and FINISH_RSP has one
 * @param signedMeasurements true if GET_MEASUREMENTS asked for a signature, so MEASUREMENTS ends
 *     with S bytes of it
 */
public record MessageSizes(int hashSize, int signatureSize, int exchangeDataSize, boolean measurementSummary,
                           boolean handshakeInTheClear, boolean signedMeasurements) {

    public MessageSizes(int hashSize, int signatureSize, int exchangeDataSize, boolean measurementSummary,
                        boolean handshakeInTheClear) {
        this(hashSize, signatureSize, exchangeDataSize, measurementSummary, handshakeInTheClear, false);
    }

    /** Before ALGORITHMS: no size is known, so size-dependent messages do not decode. */
    public static MessageSizes none() {
        return new MessageSizes(0, 0, 0, false, false);
    }

    /** The sizes of {@code suite}, with no measurement summary and the handshake encrypted. */
    public static MessageSizes of(AlgorithmSuite suite) {
        return new MessageSizes(suite.hash().size(), suite.asym().signatureSize(), suite.dhe().exchangeDataSize(),
                false, false);
    }

    public MessageSizes withMeasurementSummary(boolean present) {
        return new MessageSizes(hashSize, signatureSize, exchangeDataSize, present, handshakeInTheClear,
                signedMeasurements);
    }

    /** These sizes for a MEASUREMENTS that carries a signature ({@code signed}) or not. */
    public MessageSizes withSignedMeasurements(boolean signed) {
        return new MessageSizes(hashSize, signatureSize, exchangeDataSize, measurementSummary, handshakeInTheClear,
                signed);
    }

    /** The measurement summary hash size of a response: H when requested, else 0. */
    int summarySize() {
        return measurementSummary ? hashSize : 0;
    }
}
