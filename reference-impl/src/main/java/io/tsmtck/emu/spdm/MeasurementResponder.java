package io.tsmtck.emu.spdm;

import io.tsmtck.api.spdm.algorithm.HashAlgorithm;
import io.tsmtck.api.spdm.message.CapabilityFlag;
import io.tsmtck.api.spdm.message.ErrorResponse;
import io.tsmtck.api.spdm.message.GetMeasurements;
import io.tsmtck.api.spdm.message.MeasurementBlock;
import io.tsmtck.api.spdm.message.MeasurementsResponse;
import io.tsmtck.api.spdm.message.SpdmErrorCode;
import io.tsmtck.api.spdm.session.SignedMessages;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.WireWriter;
import io.tsmtck.emu.faults.Fault;
import java.util.List;
import java.util.Optional;

/**
 * GET_MEASUREMENTS on one connection, or in one session, and the L1/L2 transcript its signature
 * covers (DSP0274 "Measurement signature"): from 1.2 the VCA, then every GET_MEASUREMENTS and
 * MEASUREMENTS since the last signed one, the signed response up to its signature. Any other
 * request, an ERROR, or a signed response starts the transcript again.
 */
final class MeasurementResponder {

    private final ResponderSession.Context context;
    private WireWriter transcript = WireWriter.littleEndian();

    MeasurementResponder(ResponderSession.Context context) {
        this.context = context;
    }

    /** The nonce {@link Fault#SPDM_MEAS_NONCE_REPEATED} puts in every response. */
    private static final byte[] REPEATED_NONCE = new byte[32];

    /** Another request than GET_MEASUREMENTS ends the run of measurements a signature covers. */
    void otherRequest() {
        transcript = WireWriter.littleEndian();
    }

    /**
     * The MeasurementSummaryHash CHALLENGE_AUTH or KEY_EXCHANGE_RSP carries for summary type
     * {@code type}: none for 0; for 1 (TCB) and 0xFF (all) the hash of those measurement blocks when
     * measurements were negotiated; empty (the request is invalid) otherwise.
     */
    static Optional<ByteString> summary(ResponderSession.Context context, int type) {
        if (type == 0) {
            return Optional.of(ByteString.EMPTY);
        }
        if (context.config().faults().inject(Fault.SPDM_SUMMARY_TYPE_NOT_CHECKED, type != 1 && type != 0xFF)) {
            type = 0xFF;
        }
        if ((type != 1 && type != 0xFF) || !context.measurementsNegotiated()) {
            return Optional.empty();
        }
        int covered = context.config().faults().value(Fault.SPDM_MEAS_SUMMARY_TCB_FOR_ALL, type, type == 0xFF ? 1 : type);
        return Optional.of(context.config().measurements().summary(covered, context.suite().hash(),
                context.suite().hash()));
    }

    /** Whether measurements were negotiated: MEAS_CAP and the DMTF measurement specification. */
    static boolean negotiated(ResponderConfig config, int measurementSpecification) {
        return measuresAtAll(config) && (measurementSpecification & MeasurementBlock.DMTF) != 0;
    }

    static boolean measuresAtAll(ResponderConfig config) {
        return config.flags().contains(CapabilityFlag.MEAS_CAP_SIG)
                || config.flags().contains(CapabilityFlag.MEAS_CAP_NO_SIG);
    }

    /** MEASUREMENTS, or the ERROR that refuses the request. */
    ByteString answer(GetMeasurements request) {
        int version = context.version().code();
        ResponderConfig config = context.config();
        if (!measuresAtAll(config)) {
            return reset(ErrorResponse.of(version, SpdmErrorCode.UNSUPPORTED_REQUEST, request.code().code()).encode());
        }
        if (!context.measurementsNegotiated()) {
            return reset(error(SpdmErrorCode.UNEXPECTED_REQUEST));
        }
        if (request.signatureRequested() && (!config.flags().contains(CapabilityFlag.MEAS_CAP_SIG)
                || config.faults().check(Fault.SPDM_MEAS_ANY_SLOT, (request.slotIdParam() & 0x0F) != 0))) {
            return reset(error(SpdmErrorCode.INVALID_REQUEST));
        }
        DeviceMeasurements measurements = context.config().measurements();
        HashAlgorithm hash = config.faults().value(Fault.SPDM_MEAS_DIGEST_IN_SHA256, context.suite().hash(),
                HashAlgorithm.SHA_256);
        int operation = request.operation();
        List<MeasurementBlock> blocks;
        int param1 = 0;
        if (operation == GetMeasurements.NUMBER_OF_MEASUREMENTS) {
            blocks = List.of();
            param1 = config.faults().value(Fault.SPDM_MEAS_COUNT_WRONG, measurements.entries().size(),
                    measurements.entries().size() + 1);
        } else if (operation == GetMeasurements.ALL_MEASUREMENTS) {
            blocks = measurements.blocks(hash);
        } else {
            Optional<MeasurementBlock> one = config.faults().value(Fault.SPDM_MEAS_INDEX_OFF_BY_ONE,
                    measurements.block(operation, hash), measurements.blockAfter(operation, hash));
            if (config.faults().inject(Fault.SPDM_MEAS_UNKNOWN_INDEX_EMPTY, one.isEmpty())) {
                blocks = List.of();
            } else if (one.isEmpty()) {
                return reset(error(SpdmErrorCode.INVALID_REQUEST));
            } else {
                blocks = List.of(one.get());
            }
        }
        if (config.faults().inject(Fault.SPDM_MEAS_RESERVED_VALUE_TYPE)) {
            blocks = blocks.stream().map(block -> (block.dmtfValueType() & MeasurementBlock.RAW_BIT_STREAM) == 0 ? block
                    : MeasurementBlock.dmtf(block.index(), MeasurementBlock.RAW_BIT_STREAM | 0x0B, block.dmtfValue()))
                    .toList();
        }
        byte[] nonce = new byte[32];
        context.random().nextBytes(nonce);
        if (config.faults().inject(Fault.SPDM_MEAS_NONCE_REPEATED)) {
            nonce = REPEATED_NONCE.clone();
        }
        if (config.faults().inject(Fault.SPDM_MEAS_L1L2_LAST_ONLY)) {
            transcript = WireWriter.littleEndian();
        }
        int param2 = request.signatureRequested() ? request.slotIdParam() & 0x0F : 0;
        MeasurementsResponse unsigned = new MeasurementsResponse(version, param1, param2, blocks.size(),
                MeasurementBlock.record(blocks), ByteString.of(nonce), ByteString.EMPTY, request.context(),
                ByteString.EMPTY);
        transcript.bytes(request.encode()).bytes(unsigned.beforeSignature());
        if (!request.signatureRequested()) {
            return unsigned.encode();
        }
        ByteString l1l2 = WireWriter.littleEndian()
                .bytes(config.faults().check(Fault.SPDM_MEAS_L1L2_WITHOUT_VCA, context.version().signsWithContext())
                        ? context.vca() : ByteString.EMPTY)
                .bytes(transcript.toByteString()).toByteString();
        transcript = WireWriter.littleEndian();
        byte[] signature = context.suite().asym().sign(context.suite().hash(), context.key(),
                SignedMessages.toBeSigned(context.version(), context.suite().hash(), SignedMessages.MEASUREMENTS,
                        l1l2.toByteArray()), context.random());
        return unsigned.withSignature(ByteString.of(signature)).encode();
    }

    private ByteString reset(ByteString error) {
        transcript = WireWriter.littleEndian();
        return error;
    }

    private ByteString error(SpdmErrorCode code) {
        return ErrorResponse.of(context.version().code(), code, 0).encode();
    }
}
