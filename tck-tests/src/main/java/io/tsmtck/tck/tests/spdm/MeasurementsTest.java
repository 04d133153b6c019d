package io.tsmtck.tck.tests.spdm;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.spdm.algorithm.HashAlgorithm;
import io.tsmtck.api.spdm.message.CapabilityFlag;
import io.tsmtck.api.spdm.message.ChallengeAuth;
import io.tsmtck.api.spdm.message.GetMeasurements;
import io.tsmtck.api.spdm.message.MeasurementBlock;
import io.tsmtck.api.spdm.message.MeasurementsResponse;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.SpdmErrorCode;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.tck.binding.Applicability;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.catalogue.Condition;
import io.tsmtck.tck.device.DeviceCases;
import io.tsmtck.tck.device.DeviceSut;
import io.tsmtck.tck.device.SpdmAnswer;
import io.tsmtck.tck.setup.Setup;
import io.tsmtck.tck.spdm.MeasurementReader;
import io.tsmtck.tck.spdm.SpdmConnection;
import io.tsmtck.tck.spdm.SpdmSession;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The device's evidence: its measurements (DSP0274 GET_MEASUREMENTS and the DMTF measurement block
 * format), signed over the L1/L2 transcript with a fresh nonce, the same whichever way they are
 * asked for, and the measurement summary hash of CHALLENGE_AUTH and KEY_EXCHANGE_RSP that a TSM
 * compares with them. Each case reads from a connection of its own, in the clear or in a session
 * of its own.
 */
@Tag("area-spdm")
class MeasurementsTest {

    /** Where the measurements are read. */
    enum Where {
        IN_THE_CLEAR, IN_A_SESSION
    }

    /** How a run asks for a signature (DSP0274 lets a requester sign each response or only the last). */
    enum Signing {
        /** GET_MEASUREMENTS for all, signed. */
        ALL_SIGNED,
        /** The number, then every index unsigned but the last, which is signed (libspdm's requester does this). */
        ONE_BY_ONE_LAST_SIGNED,
        /** Every index signed, one after another. */
        EACH_SIGNED
    }

    static Stream<Arguments> where() {
        return DeviceCases.with(List.of(Where.values()));
    }

    /** One way of reading signed measurements, in one place. */
    record SignedRun(Where where, Signing signing) {
        @Override
        public String toString() {
            return where + ", " + signing;
        }
    }

    static Stream<Arguments> signings() {
        return DeviceCases.with(Stream.of(Where.values()).flatMap(where -> Stream.of(Signing.values())
                .map(signing -> new SignedRun(where, signing))).toList());
    }

    static Stream<Arguments> summaries() {
        return DeviceCases.with(List.of("CHALLENGE_AUTH", "KEY_EXCHANGE_RSP"));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("where")
    @Must("SPDM-09")
    void measurementsAreDmtfBlocksTheSameWhicheverWayTheyAreAskedFor(DeviceSut sut, Where where) {
        read(sut, where, (connection, reader) -> {
            List<MeasurementsResponse> responses = require(reader.read(List.of(
                    reader.request(GetMeasurements.NUMBER_OF_MEASUREMENTS, false, ByteString.EMPTY),
                    reader.request(GetMeasurements.ALL_MEASUREMENTS, false, ByteString.EMPTY))), reader,
                    "read the number of measurements and all of them");
            MeasurementsResponse count = responses.get(0);
            MeasurementsResponse all = responses.get(1);
            assertThat("MEASUREMENTS for the number of measurements " + reader.where() + ": NumberOfBlocks and "
                    + "MeasurementRecordLength", count.numberOfBlocks() + "/" + count.record().size()).is("0/0");
            List<MeasurementBlock> blocks = blocks(all, reader);
            assertThat("MEASUREMENTS for all " + reader.where() + ": NumberOfBlocks, blocks in the record, "
                    + "the number of measurements (Param1 of the first response)", all.numberOfBlocks() + ", "
                    + blocks.size() + ", " + count.param1()).is(count.param1() + ", " + count.param1() + ", "
                    + count.param1());
            int hashSize = measurementHashSize(connection);
            for (MeasurementBlock block : blocks) {
                assertThat("measurement block " + block.index() + " " + reader.where(), describe(block))
                        .satisfies(d -> wellFormed(block, hashSize, connection.version().code()),
                                "MeasurementSpecification DMTF, index 1 to 0xFE, a value type DSP0274 defines, a "
                                        + "digest of " + hashSize
                                        + " bytes (the MeasurementHashAlgo selected) unless a raw bit stream, and "
                                        + "from 1.2 debug and device mode as a raw bit stream");
            }
            List<GetMeasurements> each = blocks.stream().map(b -> reader.request(b.index(), false, ByteString.EMPTY))
                    .toList();
            List<MeasurementsResponse> single = require(reader.read(each), reader, "read each index");
            for (int i = 0; i < blocks.size(); i++) {
                MeasurementsResponse one = single.get(i);
                assertThat("MEASUREMENTS for index " + blocks.get(i).index() + " " + reader.where(),
                        one.numberOfBlocks() + " block(s): " + one.record().hex())
                        .is("1 block(s): " + blocks.get(i).encode().hex());
            }
        });
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("signings")
    @Must("SPDM-10")
    void signedMeasurementsVerifyOverL1L2WithAFreshNonce(DeviceSut sut, SignedRun run) {
        Signing signing = run.signing();
        read(sut, run.where(), (connection, reader) -> {
            List<MeasurementBlock> blocks = list(reader);
            List<GetMeasurements> requests = switch (signing) {
                case ALL_SIGNED -> List.of(reader.request(GetMeasurements.ALL_MEASUREMENTS, true, nonce(1)));
                case ONE_BY_ONE_LAST_SIGNED -> Stream.concat(Stream.of(reader.request(
                        GetMeasurements.NUMBER_OF_MEASUREMENTS, false, ByteString.EMPTY)),
                        IntStream.range(0, blocks.size()).mapToObj(i -> reader.request(blocks.get(i).index(),
                                i == blocks.size() - 1, nonce(i)))).toList();
                case EACH_SIGNED -> IntStream.range(0, blocks.size()).mapToObj(i -> reader.request(
                        blocks.get(i).index(), true, nonce(i))).toList();
            };

            SessionResult<List<MeasurementsResponse>> read = reader.read(requests);

            assertThat("the MEASUREMENTS " + reader.where() + " (" + signing + ")", read.isOk() ? "verified"
                    : read.failure().orElseThrow().toString()).is("verified");
            List<MeasurementsResponse> responses = read.orElseThrow();
            for (int i = 0; i < responses.size(); i++) {
                MeasurementsResponse response = responses.get(i);
                GetMeasurements request = requests.get(i);
                assertThat("RequesterContext of MEASUREMENTS " + (i + 1) + " " + reader.where(),
                        response.context().hex()).is(request.context().hex());
                if (request.signatureRequested()) {
                    assertThat("slot (Param2 bits 3:0) of signed MEASUREMENTS " + (i + 1) + " " + reader.where(),
                            response.slot()).is(0);
                }
            }
            List<String> nonces = responses.stream().map(r -> r.nonce().hex()).toList();
            assertThat("the responder's nonces of the " + nonces.size() + " MEASUREMENTS " + reader.where(), nonces)
                    .satisfies(n -> n.stream().distinct().count() == n.size(), "a fresh nonce in every response");
        });
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("summaries")
    @Must("SPDM-11")
    void theMeasurementSummaryHashIsTheHashOfAllMeasurementBlocks(DeviceSut sut, String carrier) {
        SpdmConnection connection = sut.freshConnection();
        Applicability.requireSpdmCapability(connection, Condition.ADVERTISES_SIGNED_MEASUREMENTS,
                CapabilityFlag.MEAS_CAP_SIG);
        MeasurementReader reader = MeasurementReader.inTheClear(connection);
        MeasurementsResponse all = require(reader.read(List.of(reader.request(GetMeasurements.ALL_MEASUREMENTS, true,
                nonce(7)))), reader, "obtain all measurements, signed").get(0);
        HashAlgorithm hash = connection.suite().hash();
        ByteString expected = ByteString.of(hash.digest(all.record().toByteArray()));

        ByteString summary;
        if (carrier.equals("CHALLENGE_AUTH")) {
            SessionResult<ChallengeAuth> auth = connection.challenge(GetMeasurements.ALL_MEASUREMENTS);
            summary = require(auth, reader, "CHALLENGE asking for the hash of all measurements").measurementSummary();
        } else {
            SpdmSession session = require(connection.openSession(GetMeasurements.ALL_MEASUREMENTS), reader,
                    "KEY_EXCHANGE asking for the hash of all measurements");
            summary = session.measurementSummary();
            session.end();
        }

        assertThat("MeasurementSummaryHash of " + carrier + " (all measurements, " + hash + ")", summary.hex())
                .is(expected.hex());
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("where")
    @Must("SPDM-12")
    void aMeasurementTheDeviceDoesNotHaveOrAnEmptySlotIsInvalidRequest(DeviceSut sut, Where where) {
        read(sut, where, (connection, reader) -> {
            List<MeasurementBlock> blocks = list(reader);
            List<Integer> have = blocks.stream().map(MeasurementBlock::index).toList();
            // the lowest index the device lacks, and 0xFE unless it has that one
            List<Integer> missing = IntStream.concat(IntStream.rangeClosed(1, 0xFE).filter(i -> !have.contains(i))
                    .limit(1), IntStream.of(0xFE).filter(i -> !have.contains(i))).distinct().boxed().toList();
            int version = connection.version().code();
            for (int index : missing) {
                GetMeasurements request = reader.request(index, false, ByteString.EMPTY);
                SpdmAnswer answer = exchange(sut, connection, where, reader, request);
                assertThat(String.format("answer to GET_MEASUREMENTS for index %d %s (the device has %s)", index,
                        reader.where(), have), answer.describe()).is(SpdmAnswer.error(SpdmErrorCode.INVALID_REQUEST,
                        version));
            }
            int emptySlot = connection.emptySlot().orElseThrow(() -> Setup.failed("find a slot the device left "
                    + "empty", "DIGESTS names every slot 0 to 7"));
            GetMeasurements wrongSlot = GetMeasurements.signed(version, GetMeasurements.ALL_MEASUREMENTS, nonce(9),
                    emptySlot, reader.request(1, false, ByteString.EMPTY).context());
            SpdmAnswer answer = exchange(sut, connection, where, reader, wrongSlot);
            assertThat(String.format("answer to a signed GET_MEASUREMENTS naming slot %d %s, which DIGESTS left "
                    + "empty", emptySlot, reader.where()), answer.describe())
                    .is(SpdmAnswer.error(SpdmErrorCode.INVALID_REQUEST, version));
            SessionResult<List<MeasurementsResponse>> after = reader.read(List.of(reader.request(
                    GetMeasurements.ALL_MEASUREMENTS, false, ByteString.EMPTY)));
            assertThat("MEASUREMENTS for all " + reader.where() + " after the refusals",
                    after.isOk() ? "served" : after.failure().orElseThrow().toString()).is("served");
        });
    }

    /** A connection of the test's own that measures, and its measurements read {@code where}. */
    private static void read(DeviceSut sut, Where where, BiConsumer<SpdmConnection, MeasurementReader> test) {
        SpdmConnection connection = sut.freshConnection();
        Applicability.requireSpdmCapability(connection, Condition.ADVERTISES_SIGNED_MEASUREMENTS,
                CapabilityFlag.MEAS_CAP_SIG);
        if (where == Where.IN_THE_CLEAR) {
            test.accept(connection, MeasurementReader.inTheClear(connection));
            return;
        }
        SessionResult<SpdmSession> opened = connection.openSession();
        if (!opened.isOk()) {
            throw Setup.failed("open a session of the test's own", opened.failure().orElseThrow().toString());
        }
        SpdmSession session = opened.orElseThrow();
        try {
            test.accept(connection, MeasurementReader.inSession(connection, session));
        } finally {
            if (session.isOpen()) {
                session.end();
            }
        }
    }

    /** The answer to one request sent on its own, decoded for the message. */
    private static SpdmAnswer exchange(DeviceSut sut, SpdmConnection connection, Where where, MeasurementReader reader,
                                       GetMeasurements request) {
        SessionResult<Optional<ByteString>> answer = reader.send(request);
        if (!answer.isOk()) {
            throw Setup.failed("send " + request + " " + reader.where(), answer.failure().orElseThrow().toString());
        }
        return new SpdmAnswer(answer.orElseThrow(), MessageSizes.of(connection.suite())
                .withSignedMeasurements(request.signatureRequested()));
    }

    /** The device's measurement blocks, read unsigned for all; a refusal blocks the case. */
    private static List<MeasurementBlock> list(MeasurementReader reader) {
        return blocks(require(reader.read(List.of(reader.request(GetMeasurements.ALL_MEASUREMENTS, false,
                ByteString.EMPTY))), reader, "list the measurements").get(0), reader);
    }

    private static List<MeasurementBlock> blocks(MeasurementsResponse all, MeasurementReader reader) {
        DecodeResult<List<MeasurementBlock>> parsed = MeasurementBlock.parse(all.record());
        assertThat("MeasurementRecord of MEASUREMENTS for all " + reader.where(), parsed.isDecoded()
                ? "blocks filling it exactly" : parsed.failure().orElseThrow() + " in " + all.record().hex())
                .is("blocks filling it exactly");
        return parsed.orElseThrow();
    }

    private static boolean wellFormed(MeasurementBlock block, int hashSize, int version) {
        int type = block.dmtfValueType();
        if (block.specification() != MeasurementBlock.DMTF || type < 0 || block.index() == 0 || block.index() == 0xFF) {
            return false;
        }
        boolean raw = (type & MeasurementBlock.RAW_BIT_STREAM) != 0;
        if (MeasurementBlock.DmtfType.of(type & 0x7F).isEmpty()) {
            return false; // a reserved DMTFSpecMeasurementValueType
        }
        boolean debugMode = (type & 0x7F) == MeasurementBlock.DmtfType.DEBUG_AND_DEVICE_MODE.code();
        return (raw || hashSize < 0 || block.dmtfValue().size() == hashSize) && !(debugMode && version >= 0x12 && !raw);
    }

    private static String describe(MeasurementBlock block) {
        return String.format("%s (MeasurementSpecification 0x%02X, DMTFSpecMeasurementValueType 0x%02X, "
                + "%d value bytes)",
                block, block.specification(), block.dmtfValueType() & 0xFF, block.dmtfValue().size());
    }

    /** The digest size of the MeasurementHashAlgo ALGORITHMS selected; -1 for raw bit streams only. */
    private static int measurementHashSize(SpdmConnection connection) {
        long selected = connection.algorithms().measurementHash();
        if (selected == 1) {
            return -1;
        }
        return Stream.of(HashAlgorithm.values()).filter(h -> h.bit() << 1 == selected).findFirst()
                .map(HashAlgorithm::size).orElseThrow(() -> Setup.failed("find the measurement hash",
                        String.format("0x%X selects a measurement hash the kit does not implement", selected)));
    }

    private static ByteString nonce(int seed) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) (0x5A ^ seed));
        bytes[0] = (byte) seed;
        return ByteString.of(bytes);
    }

    private static <T> T require(SessionResult<T> result, MeasurementReader reader, String what) {
        if (!result.isOk()) {
            throw Setup.failed(what + " " + reader.where(), result.failure().orElseThrow().toString());
        }
        return result.orElseThrow();
    }
}
