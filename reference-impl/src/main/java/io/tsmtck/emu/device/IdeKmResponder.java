package io.tsmtck.emu.device;

import io.tsmtck.api.device.SpdmSessionId;
import io.tsmtck.api.idekm.IdeKmCodec;
import io.tsmtck.api.idekm.IdeKmMessage;
import io.tsmtck.api.idekm.IdeKmObjectId;
import io.tsmtck.api.idekm.IdeKmQuery;
import io.tsmtck.api.idekm.IdeKmQueryResponse;
import io.tsmtck.api.idekm.KeyProg;
import io.tsmtck.api.idekm.KeySetCommand;
import io.tsmtck.api.idekm.KeySubStream;
import io.tsmtck.api.idekm.KpAck;
import io.tsmtck.api.idekm.KpAckStatus;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeError;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.emu.stack.EmuContext;
import io.tsmtck.emu.faults.Fault;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * The device's IDE_KM responder (PCIe Base 6.x 6.33.3) for its one port (index 0): QUERY, KEY_PROG
 * with KP_ACK statuses, K_SET_GO and K_SET_STOP. IDE_KM has no error message: a GO or STOP that
 * cannot be done, and any malformed object other than KEY_PROG, get no answer.
 *
 * <p>Threading: guarded by the owning device's lock.
 */
final class IdeKmResponder {

    private static final int PORT = 0;
    private static final ByteString IDE_CAPABILITY = ByteString.ofHex("0100 0000 0000 0000");

    private final PciAddress dsm;
    private final IdeKeyTable keys;
    private final EmuContext context;
    private final IntConsumer onStreamInsecure;

    IdeKmResponder(PciAddress dsm, IdeKeyTable keys, EmuContext context, IntConsumer onStreamInsecure) {
        this.dsm = dsm;
        this.keys = keys;
        this.context = context;
        this.onStreamInsecure = onStreamInsecure;
    }

    /** One IDE_KM object (§6.33.3), from a secured session: its answer, or none where IDE_KM has none to give. */
    Optional<ByteString> handle(SpdmSessionId session, ByteString request) {
        DecodeResult<IdeKmMessage> decoded = IdeKmCodec.decode(request, ReservedPolicy.IGNORE);
        if (decoded instanceof DecodeResult.Malformed<IdeKmMessage> malformed) {
            return answerMalformed(malformed.error(), request, context);
        }
        IdeKmMessage message = decoded.orElseThrow();
        if (message instanceof IdeKmQuery query) {
            return query.portIndex() == PORT ? Optional.of(queryResponse()) : Optional.empty();
        }
        if (message instanceof KeyProg keyProg) {
            return Optional.of(program(session, keyProg).encode());
        }
        if (message instanceof KeySetCommand command) {
            return goOrStop(command);
        }
        return Optional.empty(); // an answer object sent as a request
    }

    /** QUERY_RESP (§6.33.3): the port asked for, MaxPortIndex, the DSM's bus and device/function, the IDE capability. */
    private ByteString queryResponse() {
        int devFunc = dsm.device() << 3 | dsm.function();
        int bus = context.faults().value(Fault.IDEKM_QUERY_WRONG_IDENTITY, dsm.bus(),
                dsm.bus() + 1);
        int port = context.faults().value(Fault.IDEKM_QUERY_PORT_NOT_ECHOED, PORT, PORT + 1);
        return new IdeKmQueryResponse(port, devFunc, bus, dsm.segment() & 0xFF, PORT, IDE_CAPABILITY).encode();
    }

    /**
     * KEY_PROG and KP_ACK (§6.33.3): a port the device has, and (§11.4.5) a sub-stream no other open session
     * keyed; the key stored against this session.
     */
    private KpAck program(SpdmSessionId session, KeyProg keyProg) {
        // the defect of IDEKM_PORT_CHECK_OFF_BY_ONE: the port just past MaxPortIndex taken as one of the device's
        int lastAccepted = context.faults().value(Fault.IDEKM_PORT_CHECK_OFF_BY_ONE, PORT, PORT + 1);
        if (context.faults().check(Fault.IDEKM_BAD_PORT_ACKED, keyProg.portIndex() > lastAccepted)) {
            return ack(keyProg, KpAckStatus.UNSUPPORTED_PORT_INDEX);
        }
        // §11.4.5: the keys of a sub-stream come from one SPDM session, a refresh only from the session that
        // keyed it first, while that session lasts (its end drops its keys)
        if (context.faults().check(Fault.IDEKM_KEYS_FROM_ANOTHER_SESSION_TAKEN,
                keys.keyedByAnother(keyProg.streamId(), keyProg.keySubStream(), session))) {
            return ack(keyProg, KpAckStatus.UNSPECIFIED_FAILURE);
        }
        keys.program(keyProg.streamId(), keyProg.keySubStream(), session);
        return ack(keyProg, KpAckStatus.SUCCESS);
    }

    /** KP_ACK (§6.33.3) echoing the request's stream, key sub-stream and port. */
    private KpAck ack(KeyProg keyProg, KpAckStatus status) {
        int stream = keyProg.streamId();
        if (context.faults().inject(Fault.IDEKM_ACK_ECHO_WRONG)) {
            stream = (stream + 1) & 0xFF;
        }
        KeySubStream lane = keyProg.keySubStream();
        if (context.faults().inject(Fault.IDEKM_ACK_NAMES_K0)) {
            lane = new KeySubStream(KeySubStream.KeySet.K0, lane.direction(), lane.subStream());
        }
        return new KpAck(stream, status, lane, keyProg.portIndex());
    }

    /**
     * K_SET_GO and K_SET_STOP, answered with K_GOSTOP_ACK (§6.33.3); a GO of a key set without keys gets no
     * answer, and a STOP of the key set in use takes the stream out of the Secure state (§11.4.3).
     */
    private Optional<ByteString> goOrStop(KeySetCommand command) {
        if (command.portIndex() != PORT || command.objectId() == IdeKmObjectId.K_GOSTOP_ACK) {
            return Optional.empty();
        }
        int stream = command.streamId();
        boolean done;
        if (command.objectId() == IdeKmObjectId.K_SET_GO) {
            done = !context.faults().check(Fault.IDEKM_GO_UNPROGRAMMED_ACKED, !keys.go(stream, command.keySubStream()));
        } else {
            boolean wasSecure = isSecure(stream);
            done = keys.stop(stream, command.keySubStream());
            if (done && wasSecure && !isSecure(stream)) {
                onStreamInsecure.accept(stream);
            }
            if (context.faults().inject(Fault.IDEKM_STOP_UNANSWERED)) {
                return Optional.empty();
            }
        }
        KeySubStream acked = command.keySubStream();
        if (context.faults().inject(Fault.IDEKM_GO_ACK_NAMES_K0, command.objectId() == IdeKmObjectId.K_SET_GO)) {
            acked = new KeySubStream(KeySubStream.KeySet.K0, acked.direction(), acked.subStream());
        }
        return done ? Optional.of(new KeySetCommand(IdeKmObjectId.K_GOSTOP_ACK, stream, acked, PORT).encode())
                : Optional.empty();
    }

    /** Whether the stream is Secure: a started key set on each of its six sub-streams (§6.33.3). */
    boolean isSecure(int stream) {
        return keys.isSecure(stream, context.faults().inject(Fault.IDEKM_PARTIAL_GO_SECURE));
    }

    /** KEY_PROG of the wrong length gets KP_ACK INCORRECT_LENGTH; anything else malformed, nothing. */
    private static Optional<ByteString> answerMalformed(DecodeError error, ByteString request, EmuContext context) {
        boolean keyProg = error.messageCode().orElse(-1) == IdeKmObjectId.KEY_PROG.code();
        if (!keyProg || error.reason() == DecodeError.Reason.UNKNOWN_CODE) {
            return Optional.empty();
        }
        int stream = request.size() > 3 ? request.get(3) : 0;
        KeySubStream any = new KeySubStream(KeySubStream.KeySet.K0, KeySubStream.Direction.RX,
                KeySubStream.SubStream.PR);
        boolean badValue = error.reason() == DecodeError.Reason.INVALID_VALUE;
        KpAckStatus status = badValue
                ? context.faults().value(Fault.IDEKM_BAD_VALUE_AS_LENGTH, KpAckStatus.UNSUPPORTED_VALUE,
                        KpAckStatus.INCORRECT_LENGTH)
                : context.faults().value(Fault.IDEKM_WRONG_LENGTH_ACKED, KpAckStatus.INCORRECT_LENGTH,
                        KpAckStatus.SUCCESS);
        return Optional.of(new KpAck(stream, status, any, PORT).encode());
    }
}
