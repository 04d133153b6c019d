package io.tsmtck.tck.tests.spdm;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.spdm.message.CapabilityFlag;
import io.tsmtck.api.spdm.message.GetCapabilities;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.RequestResponseCode;
import io.tsmtck.api.spdm.message.SpdmErrorCode;
import io.tsmtck.api.spdm.message.VersionResponse;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.binding.Applicability;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.catalogue.Condition;
import io.tsmtck.tck.device.DeviceCases;
import io.tsmtck.tck.device.DeviceSut;
import io.tsmtck.tck.device.SpdmAnswer;
import io.tsmtck.tck.setup.Setup;
import io.tsmtck.tck.spdm.SpdmConnection;
import io.tsmtck.tck.spdm.SpdmRequester;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/**
 * The device's SPDM responder refusing what it must refuse while the connection is negotiated
 * (DSP0274 "ERROR" and the negotiation requests): a request in another version, a GET_CAPABILITIES
 * with fields that contradict each other, a negotiation request out of order. Each case starts
 * from a GET_VERSION of its own, and after the refusal checks that the connection is where it was:
 * the request that belongs there is still served.
 */
@Tag("area-spdm")
class SpdmErrorsTest {

    static Stream<Arguments> plainRequestsInOtherVersions() {
        return DeviceCases.with(Stream.of(PlainRequest.values()).flatMap(request -> Stream.of(
                Named.of(request + ", one minor version above the negotiated one", new Mismatch(request, 1)),
                Named.of(request + ", one minor version below the negotiated one", new Mismatch(request, -1))))
                .toList());
    }

    static Stream<Arguments> invalidCapabilities() {
        return DeviceCases.with(List.of(InvalidCapabilities.values()));
    }

    static Stream<Arguments> outOfOrder() {
        return DeviceCases.with(List.of(OutOfOrder.values()));
    }

    /** A version VERSION did not offer: one above the highest it offered, and 1.0 when it did not offer that. */
    enum Unoffered {
        ABOVE_THE_HIGHEST_OFFERED, SPDM_1_0;

        /** The version, or empty when the device offers it. */
        Optional<Integer> in(VersionResponse offered) {
            List<Integer> versions = offered.entries().stream().map(entry -> entry >> 8).toList();
            return this == SPDM_1_0 ? Optional.of(0x10).filter(v -> !versions.contains(v))
                    : Optional.of(versions.stream().max(Integer::compare).orElse(0x10) + 1);
        }
    }

    static Stream<Arguments> unofferedVersions() {
        return DeviceCases.with(List.of(Unoffered.values()));
    }

    /** A request in the negotiated version plus {@code offset}. */
    record Mismatch(PlainRequest request, int offset) {
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("plainRequestsInOtherVersions")
    @Must("SPDM-05")
    void aRequestInAnotherVersionThanTheNegotiatedOneIsVersionMismatch(DeviceSut sut, Mismatch mismatch) {
        SpdmConnection connection = sut.freshConnection();
        if (mismatch.request().needsMeasurements()) {
            Applicability.requireSpdmCapability(connection, Condition.ADVERTISES_SIGNED_MEASUREMENTS,
                    CapabilityFlag.MEAS_CAP_SIG);
        }
        int negotiated = connection.version().code();
        int other = negotiated + mismatch.offset();
        MessageSizes sizes = MessageSizes.of(connection.suite());

        SpdmAnswer answer = sut.plain(mismatch.request().in(other, connection), sizes);

        assertThat(answer).as("answer to %s in SPDMVersion 0x%02X (negotiated 0x%02X)",
                mismatch.request(), other, negotiated)
                .isSpdmError(SpdmErrorCode.VERSION_MISMATCH, negotiated);
        SpdmAnswer after = sut.plain(mismatch.request().in(negotiated, connection), sizes);
        assertThat(String.format("answer to %s in the negotiated version 0x%02X after the mismatch",
                mismatch.request(), negotiated), after.describe())
                .satisfies(d -> after.is(mismatch.request().answer()), "the device's " + mismatch.request().answer());
    }

    @ParameterizedTest(name = "{0}, GET_CAPABILITIES in {1}")
    @MethodSource("unofferedVersions")
    @Must("SPDM-05")
    void getCapabilitiesInAVersionNotOfferedIsVersionMismatch(DeviceSut sut, Unoffered unoffered) {
        VersionResponse offered = sut.versionOnly();
        int version = unoffered.in(offered).orElseThrow(() -> new TestAbortedException(String.format("blocked by: "
                + "the device offers SPDM 1.0 (VERSION %s), so a GET_CAPABILITIES in it is not a mismatch", offered)));
        SpdmVersion common = highestCommon(sut, offered);
        SpdmRequester requester = sut.requester();
        GetCapabilities standard = requester.capabilitiesRequest(common);

        SpdmAnswer answer = sut.plain(new GetCapabilities(version, standard.ctExponent(), standard.flags(),
                standard.dataTransferSize(), standard.maxMessageSize()).encode(), MessageSizes.none());

        assertThat(answer).as("answer to GET_CAPABILITIES in SPDMVersion 0x%02X, which VERSION did not offer",
                version)
                .isSpdmError(SpdmErrorCode.VERSION_MISMATCH, 0x10);
        expectServed(sut, "GET_CAPABILITIES in 0x" + Integer.toHexString(common.code()) + " after the mismatch",
                standard.encode(), RequestResponseCode.CAPABILITIES);
    }

    static Stream<Arguments> minorOffsets() {
        return DeviceCases.with(List.of(Named.of("one minor version above CAPABILITIES'", 1),
                Named.of("one minor version below CAPABILITIES'", -1)));
    }

    @ParameterizedTest(name = "{0}, NEGOTIATE_ALGORITHMS in {1}")
    @MethodSource("minorOffsets")
    @Must("SPDM-05")
    void negotiateAlgorithmsInAnotherVersionThanCapabilitiesIsVersionMismatch(DeviceSut sut, int offset) {
        SpdmRequester requester = sut.requester();
        SpdmVersion common = upToCapabilities(sut, requester);
        ByteString right = requester.algorithmsRequest(common).encode();
        byte[] other = right.toByteArray();
        other[0] = (byte) (common.code() + offset);

        SpdmAnswer answer = sut.plain(ByteString.of(other), MessageSizes.none());

        assertThat(answer).as("answer to NEGOTIATE_ALGORITHMS in SPDMVersion 0x%02X after CAPABILITIES in 0x%02X",
                other[0], common.code())
                .isSpdmError(SpdmErrorCode.VERSION_MISMATCH, common.code());
        expectServed(sut, "NEGOTIATE_ALGORITHMS in 0x" + Integer.toHexString(common.code()) + " after the mismatch",
                right, RequestResponseCode.ALGORITHMS);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("invalidCapabilities")
    @Must("SPDM-06")
    void getCapabilitiesWithContradictoryFieldsIsInvalidRequest(DeviceSut sut, InvalidCapabilities invalid) {
        VersionResponse offered = sut.versionOnly();
        SpdmVersion common = highestCommon(sut, offered);
        if (common.code() < invalid.since()) {
            throw new TestAbortedException(String.format("blocked by: the highest version the device and the kit "
                    + "share is %s; %s is a rule from SPDM 0x%02X", common, invalid, invalid.since()));
        }
        GetCapabilities standard = sut.requester().capabilitiesRequest(common);
        GetCapabilities request = invalid.of(standard);

        SpdmAnswer answer = sut.plain(request.encode(), MessageSizes.none());

        assertThat(answer).as("answer to GET_CAPABILITIES with %s (flags 0x%08X, DataTransferSize %d, MaxSPDMmsgSize"
                + " %d)", invalid, request.flags(), request.dataTransferSize(), request.maxMessageSize())
                .isSpdmError(SpdmErrorCode.INVALID_REQUEST, common.code());
        expectServed(sut, "the kit's GET_CAPABILITIES after the refused one", standard.encode(),
                RequestResponseCode.CAPABILITIES);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("outOfOrder")
    @Must("SPDM-07")
    void aNegotiationRequestOutOfOrderIsUnexpectedRequest(DeviceSut sut, OutOfOrder step) {
        VersionResponse offered = sut.versionOnly();
        SpdmVersion common = highestCommon(sut, offered);
        SpdmRequester requester = sut.requester();
        List<ByteString> before = step.before(requester, common);
        for (int i = 0; i < before.size(); i++) {
            RequestResponseCode expected = i == 0 ? RequestResponseCode.CAPABILITIES : RequestResponseCode.ALGORITHMS;
            SpdmAnswer negotiated = sut.plain(before.get(i), MessageSizes.none());
            if (!negotiated.is(expected)) {
                throw Setup.failed("negotiate up to " + expected, negotiated.describe());
            }
        }

        SpdmAnswer answer = sut.plain(step.request(requester, common), MessageSizes.none());

        // before CAPABILITIES the connection has no version but 1.0 yet: an ERROR in either is the answer
        List<String> refusals = (before.isEmpty() ? List.of(common.code(), 0x10) : List.of(common.code())).stream()
                .map(version -> SpdmAnswer.error(SpdmErrorCode.UNEXPECTED_REQUEST, version)).toList();
        assertThat(String.format("answer to %s", step), answer.describe()).satisfies(
                d -> answer.raw().isEmpty() || refusals.contains(d), String.join(", or ", refusals) + ", or no answer");
        expectServed(sut, "the request " + step.next() + " answers, after the refused one",
                step.nextRequest(requester, common), step.next());
    }

    static Stream<Arguments> invalidFields() {
        return DeviceCases.with(List.of(InvalidField.values()));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("invalidFields")
    @Must("SPDM-19")
    void aRequestWithAnInvalidFieldIsInvalidRequestAndChangesNothing(DeviceSut sut, InvalidField field) {
        SpdmConnection connection = sut.freshConnection();
        int version = connection.version().code();
        int emptySlot = connection.emptySlot().orElseThrow(() -> Setup.failed("find a slot the device left "
                + "empty", "DIGESTS names every slot 0 to 7"));
        MessageSizes sizes = MessageSizes.of(connection.suite());

        SpdmAnswer answer = sut.plain(field.wrong(connection, emptySlot), sizes);

        assertThat(answer).as("answer to %s (slot %d is empty)", field, emptySlot)
                .isSpdmError(SpdmErrorCode.INVALID_REQUEST, version);
        SpdmAnswer after = sut.plain(field.right(connection), sizes);
        assertThat("answer to the same request with every field right, after the refusal", after.describe())
                .satisfies(d -> after.is(field.answer()), "the device's " + field.answer());
    }

    static Stream<Arguments> invalidAlgorithms() {
        return DeviceCases.with(List.of(InvalidAlgorithms.values()));
    }

    @ParameterizedTest(name = "{0}, NEGOTIATE_ALGORITHMS with {1}")
    @MethodSource("invalidAlgorithms")
    @Must("SPDM-21")
    void negotiateAlgorithmsWhoseSizesContradictItsBytesIsInvalidRequest(DeviceSut sut, InvalidAlgorithms invalid) {
        SpdmRequester requester = sut.requester();
        SpdmVersion common = upToCapabilities(sut, requester);
        ByteString right = requester.algorithmsRequest(common).encode();
        ByteString wrong = invalid.of(right);

        SpdmAnswer answer = sut.plain(wrong, MessageSizes.none());

        assertThat(answer).as("answer to NEGOTIATE_ALGORITHMS with %s (%s)", invalid, wrong.hex())
                .isSpdmError(SpdmErrorCode.INVALID_REQUEST, common.code());
        expectServed(sut, "the kit's NEGOTIATE_ALGORITHMS after the refused one", right,
                RequestResponseCode.ALGORITHMS);
    }


    /** GET_VERSION of the test's own and the kit's GET_CAPABILITIES: the version they settled on. */
    private static SpdmVersion upToCapabilities(DeviceSut sut, SpdmRequester requester) {
        SpdmVersion common = highestCommon(sut, sut.versionOnly());
        SpdmAnswer capabilities = sut.plain(requester.capabilitiesRequest(common).encode(), MessageSizes.none());
        if (!capabilities.is(RequestResponseCode.CAPABILITIES)) {
            throw Setup.failed("GET_CAPABILITIES", capabilities.describe());
        }
        return common;
    }

    private static SpdmVersion highestCommon(DeviceSut sut, VersionResponse offered) {
        return offered.highestCommon(List.of(SpdmVersion.V1_1, SpdmVersion.V1_2, SpdmVersion.V1_3))
                .orElseThrow(() -> Setup.failed("find a version the device and the kit share", "VERSION " + offered));
    }

    private static void expectServed(DeviceSut sut, String what, ByteString request, RequestResponseCode expected) {
        SpdmAnswer after = sut.plain(request, MessageSizes.none());
        assertThat("answer to " + what, after.describe()).satisfies(d -> after.is(expected),
                "the device's " + expected + " (the refusal left the connection where it was)");
    }
}
