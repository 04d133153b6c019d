package io.tsmtck.tck.tests.idekm;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.idekm.IdeKmObjectId;
import io.tsmtck.api.idekm.IdeKmQuery;
import io.tsmtck.api.idekm.IdeKmQueryResponse;
import io.tsmtck.api.idekm.KeyProg;
import io.tsmtck.api.idekm.KeySetCommand;
import io.tsmtck.api.idekm.KeySubStream;
import io.tsmtck.api.idekm.KpAck;
import io.tsmtck.api.idekm.KpAckStatus;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.LockInterfaceRequest;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.wire.ByteEditor;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.binding.Should;
import io.tsmtck.tck.device.DeviceCases;
import io.tsmtck.tck.device.DeviceSut;
import io.tsmtck.tck.device.IdeKmAnswer;
import io.tsmtck.tck.device.TdispAnswer;
import io.tsmtck.tck.device.TdispClient;
import io.tsmtck.tck.setup.Setup;
import io.tsmtck.tck.spdm.SpdmSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/**
 * IDE key management (PCIe Base 6.x §6.33.3) as the device answers it: the kit, as the TSM would,
 * programs keys over its own secured session.
 */
@Tag("area-ide-km")
class IdeKmTest {

    /** A stream id the TSM does not use, for keys the kit programs itself. */
    private static final int SPARE_STREAM = DeviceSut.FIRST_SPARE_STREAM;

    static List<KeySubStream> lanes(KeySubStream.KeySet... keySets) {
        List<KeySubStream> lanes = new ArrayList<>();
        for (KeySubStream.KeySet keySet : keySets) {
            lanes.addAll(KeySubStream.of(keySet));
        }
        return lanes;
    }

    /** Every key sub-stream of both key sets: the kit's own keys on a spare stream. */
    static Stream<Arguments> everyLane() {
        return DeviceCases.with(lanes(KeySubStream.KeySet.values()));
    }

    /** Every key sub-stream of K0, the key set the kit starts at connect. */
    static Stream<Arguments> everyLaneOfTheStartedKeySet() {
        return DeviceCases.with(lanes(KeySubStream.KeySet.K0));
    }

    private static KeyProg keyProg(KeySubStream lane, int port) {
        return new KeyProg(SPARE_STREAM, lane, port, ByteString.zeros(KeyProg.KEY_LENGTH),
                ByteString.zeros(KeyProg.IFV_LENGTH));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyLane")
    @Must("IDEKM-01")
    void keyProgForPortZeroIsAcknowledgedWithItsOwnIdentity(DeviceSut sut, KeySubStream lane) {
        TdispClient link = sut.connect().tdisp(sut.pf0());

        IdeKmAnswer answer = link.ideKm(keyProg(lane, 0));

        assertThat("answer to KEY_PROG stream " + SPARE_STREAM + " " + lane + " port 0", answer.toString())
                .is(IdeKmAnswer.answering(new KpAck(SPARE_STREAM, KpAckStatus.SUCCESS, lane, 0)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyLane")
    @Must("IDEKM-02")
    void keyProgForAnAbsentPortIsUnsupportedPortIndex(DeviceSut sut, KeySubStream lane) {
        TdispClient link = sut.connect().tdisp(sut.pf0());
        IdeKmAnswer query = link.ideKm(new IdeKmQuery(0));
        int maxPort = query.message().filter(IdeKmQueryResponse.class::isInstance)
                .map(r -> ((IdeKmQueryResponse) r).maxPortIndex())
                .orElseThrow(() -> Setup.failed("QUERY for port 0, to learn MaxPortIndex", query.toString()));
        if (maxPort == 0xFF) {
            throw new TestAbortedException("blocked by: QUERY_RESP gives MaxPortIndex 255, so every port index is"
                    + " the device's and none is absent");
        }
        int absent = maxPort + 1;

        IdeKmAnswer answer = link.ideKm(keyProg(lane, absent));

        assertThat(String.format("answer to KEY_PROG for port %d (QUERY_RESP: MaxPortIndex %d)", absent, maxPort),
                answer.toString()).is(IdeKmAnswer.answering(new KpAck(SPARE_STREAM,
                KpAckStatus.UNSUPPORTED_PORT_INDEX, lane, absent)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyLaneOfTheStartedKeySet")
    @Must("IDEKM-04")
    void stoppingOneSubStreamEndsTheSecureState(DeviceSut sut, KeySubStream lane) {
        PciFunction pf0 = sut.connect().pf0();
        TdispClient tdisp = sut.tdisp(pf0);
        tdisp.lock();

        tdisp.ideKm(new KeySetCommand(IdeKmObjectId.K_SET_STOP, DeviceSut.STREAM, lane, 0));

        assertThat(sut, pf0).as("TDI locked on stream %d after K_SET_STOP %s", DeviceSut.STREAM, lane)
                .isInState(TdiState.ERROR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DeviceCases.DEVICE)
    @Should("IDEKM-05")
    void ideKmInPlaintextGetsNoResponse(DeviceSut sut) {
        sut.requireSession();
        TdispClient link = sut.connect().tdisp(sut.pf0());

        assertThat("an answer to IDE_KM QUERY outside the session", link.ideKmAnsweredInPlaintext(new IdeKmQuery(0)))
                .is(false);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyLane")
    @Should("IDEKM-06")
    void goForAKeyNeverProgrammedGetsNoAnswer(DeviceSut sut, KeySubStream lane) {
        int stream = sut.unkeyedStream();
        TdispClient link = sut.tdisp(sut.pf0());

        IdeKmAnswer answer = link.ideKm(new KeySetCommand(IdeKmObjectId.K_SET_GO, stream, lane, 0));

        assertThat("answer to K_SET_GO " + lane + " of stream " + stream + ", which no KEY_PROG named in the"
                + " session", answer.toString())
                .is(IdeKmAnswer.NO_ANSWER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DeviceCases.DEVICE)
    @Must("IDEKM-07")
    void queryNamesTheDsm(DeviceSut sut) {
        PciAddress dsm = sut.connect().pf0().address();

        IdeKmAnswer answer = sut.tdisp(sut.pf0()).ideKm(new IdeKmQuery(0));

        assertThat("QUERY_RESP of " + dsm + " to QUERY for port 0", answer.message()
                .filter(IdeKmQueryResponse.class::isInstance).map(IdeKmQueryResponse.class::cast)
                .map(r -> String.format("QUERY_RESP for port %d, %s, naming bus %02x devfn %02x", r.portIndex(),
                        r.maxPortIndex() >= r.portIndex() ? "MaxPortIndex at or above it"
                        : "MaxPortIndex " + r.maxPortIndex() + " below it", r.busNum(), r.devFuncNum()))
                .orElse(answer.toString()))
                .is(String.format("QUERY_RESP for port 0, MaxPortIndex at or above it, naming bus %02x devfn %02x",
                        dsm.bus(), dsm.device() << 3 | dsm.function()));
    }

    /** KEY_PROG's KeySubStream byte: key set, direction, reserved, and the sub-stream in bits 7:4. */
    private static final int KEY_SUB_STREAM = 5;

    static Stream<Arguments> wrongLengths() {
        // KEY_PROG is 47 bytes; 8 is the shortest tee-io-validator's case 2.2 sends (it holds the StreamID)
        return DeviceCases.with(List.of(8, 39, 43, 51));
    }

    static Stream<Arguments> unsupportedSubStreams() {
        return DeviceCases.with(List.of(3, 0xF));
    }

    /** "KP_ACK status ... for stream n", or the answer described when it is no KP_ACK. */
    private static String status(IdeKmAnswer answer) {
        return answer.message().filter(KpAck.class::isInstance).map(KpAck.class::cast)
                .map(ack -> ack.status() + " for stream " + ack.streamId()).orElse(answer.toString());
    }

    @ParameterizedTest(name = "{0}, {1} bytes")
    @MethodSource("wrongLengths")
    @Must("IDEKM-08")
    void keyProgOfTheWrongLengthIsIncorrectLength(DeviceSut sut, int length) {
        TdispClient link = sut.connect().tdisp(sut.pf0());
        ByteString request = keyProg(new KeySubStream(KeySubStream.KeySet.K1, KeySubStream.Direction.TX,
                KeySubStream.SubStream.CPL), 0).encode();
        ByteEditor editor = ByteEditor.of(request);
        ByteString wrong = (length < request.size() ? editor.truncate(length)
                : editor.append(ByteString.zeros(length - request.size()))).toByteString();

        assertThat("answer to KEY_PROG of " + length + " bytes (" + request.size() + " expected)",
                status(link.ideKmRaw(wrong))).is(KpAckStatus.INCORRECT_LENGTH + " for stream " + SPARE_STREAM);
    }

    @ParameterizedTest(name = "{0}, sub-stream {1}")
    @MethodSource("unsupportedSubStreams")
    @Must("IDEKM-09")
    void keyProgForAnUnsupportedSubStreamIsUnsupportedValue(DeviceSut sut, int subStream) {
        TdispClient link = sut.connect().tdisp(sut.pf0());
        ByteString request = keyProg(new KeySubStream(KeySubStream.KeySet.K0, KeySubStream.Direction.RX,
                KeySubStream.SubStream.PR), 0).encode();
        ByteString unsupported = ByteEditor.of(request).set(KEY_SUB_STREAM,
                (request.get(KEY_SUB_STREAM) & 0x0F) | subStream << 4).toByteString();

        assertThat("answer to KEY_PROG for sub-stream " + subStream, status(link.ideKmRaw(unsupported)))
                .is(KpAckStatus.UNSUPPORTED_VALUE + " for stream " + SPARE_STREAM);
    }

    /** A sub-stream and the key set it starts with before switching to the other one and back. */
    record Switch(KeySubStream lane, KeySubStream.KeySet first) {
        KeySubStream.KeySet second() {
            return first == KeySubStream.KeySet.K0 ? KeySubStream.KeySet.K1 : KeySubStream.KeySet.K0;
        }

        @Override
        public String toString() {
            return lane.direction() + " " + lane.subStream() + ", " + first + " first";
        }
    }

    static Stream<Arguments> everyLaneInBothOrders() {
        return DeviceCases.with(lanes(KeySubStream.KeySet.K0).stream().flatMap(lane -> Stream.of(
                KeySubStream.KeySet.values()).map(first -> new Switch(lane, first))).toList());
    }

    private static KeySubStream withKeySet(KeySubStream lane, KeySubStream.KeySet keySet) {
        return new KeySubStream(keySet, lane.direction(), lane.subStream());
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyLaneInBothOrders")
    @Must("IDEKM-10")
    void goIsAcknowledgedForEitherKeySetAndAcrossASwitch(DeviceSut sut, Switch change) {
        TdispClient link = sut.connect().tdisp(sut.pf0());
        for (KeySubStream.KeySet keySet : KeySubStream.KeySet.values()) {
            KeySubStream lane = withKeySet(change.lane(), keySet);
            IdeKmAnswer acked = link.ideKm(keyProg(lane, 0));
            if (!acked.message().equals(Optional.of(new KpAck(SPARE_STREAM, KpAckStatus.SUCCESS, lane, 0)))) {
                throw Setup.failed("KEY_PROG " + lane + " of stream " + SPARE_STREAM, "the device answered " + acked);
            }
        }

        List<String> answers = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (KeySubStream.KeySet keySet : List.of(change.first(), change.second(), change.first())) {
            KeySubStream asked = withKeySet(change.lane(), keySet);
            answers.add(asked + ": " + link.ideKm(new KeySetCommand(IdeKmObjectId.K_SET_GO, SPARE_STREAM, asked, 0)));
            expected.add(asked + ": " + IdeKmAnswer.answering(new KeySetCommand(IdeKmObjectId.K_GOSTOP_ACK,
                    SPARE_STREAM, asked, 0)));
        }
        KeySubStream inUse = withKeySet(change.lane(), change.first());
        answers.add("STOP " + inUse + ": " + link.ideKm(new KeySetCommand(IdeKmObjectId.K_SET_STOP, SPARE_STREAM, inUse,
                0)));
        expected.add("STOP " + inUse + ": " + IdeKmAnswer.answering(new KeySetCommand(IdeKmObjectId.K_GOSTOP_ACK,
                SPARE_STREAM, inUse, 0)));
        assertThat("answers to K_SET_GO " + change.first() + ", then " + change.second() + ", then " + change.first()
                + " again, then K_SET_STOP of " + change.first(), answers).is(expected);
    }

    static Stream<Arguments> bothKeySets() {
        return DeviceCases.with(List.of(KeySubStream.KeySet.K0, KeySubStream.KeySet.K1));
    }

    @ParameterizedTest(name = "{0}, {1} over a second session")
    @MethodSource("bothKeySets")
    @Must("IDEKM-11")
    void theKeysOfASubStreamComeFromTheSessionThatKeyedIt(DeviceSut sut, KeySubStream.KeySet keySet) {
        int stream = sut.unkeyedStream();
        sut.programStream(stream);
        PciFunction pf0 = sut.pf0();
        TdispClient kit = sut.tdisp(pf0);
        // a LOCK refused after the second session's KEY_PROGs is evidence only if the device takes the stream as
        // a default stream before them (a device may refuse a stream its IDE registers do not configure)
        kit.sendStep(new LockInterfaceRequest(kit.header(), 0, stream, 0, 0), MessageType.LOCK_INTERFACE_RESPONSE,
                "LOCK of " + pf0.address() + " naming stream " + stream + ", before any second session");
        kit.sendStep(HeaderOnlyMessage.stop(kit.header()), MessageType.STOP_INTERFACE_RESPONSE,
                "STOP of " + pf0.address() + " after that LOCK");
        SpdmSession second = sut.openSecondSession();
        List<String> taken = new ArrayList<>();
        TdispAnswer lock;
        try {
            TdispClient other = sut.tdisp(pf0, second);
            for (KeySubStream lane : KeySubStream.of(keySet)) {
                IdeKmAnswer answer = other.ideKm(new KeyProg(stream, lane, 0, ByteString.zeros(KeyProg.KEY_LENGTH),
                        ByteString.zeros(KeyProg.IFV_LENGTH)));
                if (answer.toString().equals(IdeKmAnswer.answering(new KpAck(stream, KpAckStatus.SUCCESS, lane, 0)))) {
                    taken.add(lane.toString());
                }
            }
            lock = kit.send(new LockInterfaceRequest(kit.header(), 0, stream, 0, 0));
        } finally {
            second.end();
        }

        assertThat("sub-streams of stream " + stream + " (keyed over the kit's session) whose " + keySet + " KEY_PROG"
                + " over a second session got KP_ACK SUCCESS", taken).is(List.of());
        assertThat(lock).as("LOCK over the kit's session naming stream %d, after the second session's KEY_PROGs",
                stream).isResponse(MessageType.LOCK_INTERFACE_RESPONSE);
    }
}
