package io.tsmtck.tck.tests.tdisp;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.tdisp.GetTdispCapabilities;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.InterfaceId;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.StartInterfaceRequest;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tdisp.TdispCapabilitiesResponse;
import io.tsmtck.api.tdisp.TdispError;
import io.tsmtck.api.tdisp.TdispErrorCode;
import io.tsmtck.api.tdisp.TdispHeader;
import io.tsmtck.api.tdisp.TdispMessage;
import io.tsmtck.api.tdisp.TdispVersionResponse;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.wire.ByteEditor;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.device.DeviceCases;
import io.tsmtck.tck.device.DeviceSut;
import io.tsmtck.tck.device.TdiDriver;
import io.tsmtck.tck.device.TdispAnswer;
import io.tsmtck.tck.device.TdispClient;
import io.tsmtck.tck.setup.Setup;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/** How a responder treats the form of a request: interface, version, code, length, reserved bits. */
@Tag("area-tdisp")
class MessageValidationTest {

    /** Every mandatory request, as the kit sends it to probe a responder. */
    private static final List<MessageType> MANDATORY = Stream.of(MessageType.values())
            .filter(MessageType::isMandatoryRequest).toList();

    static Stream<Arguments> mandatoryRequests() {
        return DeviceCases.with(MANDATORY);
    }

    /** Every mandatory request, on a device with other PFs and VFs beside PF0. */
    static Stream<Arguments> mandatoryRequestsWithSubfunctions() {
        return DeviceCases.with(DeviceCases.WITH_SUBFUNCTIONS, MANDATORY);
    }

    static Stream<Arguments> everyFunction() {
        return DeviceCases.functions(DeviceCases.WITH_SUBFUNCTIONS);
    }

    static Stream<Arguments> unknownCodes() {
        // 0x05 and 0x07 are response codes: 0x07 (STOP_INTERFACE_RESPONSE) has GET_STATE's layout
        return DeviceCases.with(List.of(0x80, 0x8C, 0xC0, 0xFF, 0x05, 0x07));
    }

    static Stream<Arguments> majorOneVersions() {
        return DeviceCases.with(Stream.of(0x10, 0x11, 0x1F).map(v -> Named.of(String.format("0x%02X", v), v)).toList());
    }

    /** A well-formed request of {@code type} for the client's TDI. */
    private static TdispMessage probe(MessageType type, TdispClient tdisp) {
        return Requests.wellFormed(type, tdisp.header(), tdisp.defaultStream());
    }

    /** A well-formed request of {@code type} with {@code header}. */
    private static TdispMessage probe(MessageType type, TdispHeader header, TdispClient tdisp) {
        return Requests.wellFormed(type, header, tdisp.defaultStream());
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("mandatoryRequests")
    @Must("TDISP-10")
    void aRequestForAnInterfaceTheDeviceDoesNotHostIsInvalidInterface(DeviceSut sut, MessageType type) {
        PciFunction pf0 = sut.connect().pf0();
        InterfaceId absent = new InterfaceId(pf0.interfaceId().requesterId() ^ 0x00F8, 0, false);

        TdispClient tdisp = sut.tdisp(pf0);
        TdispAnswer answer = tdisp.send(probe(type, TdispHeader.v10(absent), tdisp));

        assertThat(answer).isError(TdispErrorCode.INVALID_INTERFACE);
    }

    /** The mandatory requests but GET_TDISP_VERSION, whose version the device answers with its own (11.3.4). */
    static Stream<Arguments> mandatoryRequestsButGetVersion() {
        return DeviceCases.with(MANDATORY.stream().filter(type -> type != MessageType.GET_TDISP_VERSION)
                .collect(Collectors.toList()));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("mandatoryRequestsButGetVersion")
    @Must("TDISP-11")
    void aRequestInAnotherVersionIsVersionMismatch(DeviceSut sut, MessageType type) {
        PciFunction pf0 = sut.connect().pf0();
        List<Integer> supported = supportedVersions(sut, pf0, 0x10);
        int version = IntStream.rangeClosed(0x11, 0x2F).filter(v -> !supported.contains(v)).findFirst()
                .orElseThrow(() -> new TestAbortedException("blocked by: TDISP_VERSION lists every version from 0x11"
                        + " to 0x2F, so the kit has no version the device does not support to send"));
        Legal legal = legal(sut, pf0, type, new TdispHeader(version, pf0.interfaceId()));

        assertThat(legal.tdisp().send(legal.request())).as("%s with TDISPVersion 0x%02X, in %s", type, version,
                legal.state()).isError(TdispErrorCode.VERSION_MISMATCH);
        assertThat(sut, pf0).isInState(legal.state());
    }

    @ParameterizedTest(name = "{0}, code 0x{1}")
    @MethodSource("unknownCodes")
    @Must("TDISP-12")
    void anUnknownRequestCodeIsUnsupportedRequestNamingTheCode(DeviceSut sut, int code) {
        PciFunction pf0 = sut.connect().pf0();
        ByteString request = ByteEditor.of(HeaderOnlyMessage.getState(TdispHeader.v10(pf0.interfaceId())).encode())
                .set(1, code).toByteString();

        assertThat(sut.tdisp(pf0).sendRaw(request)).as("message code 0x%02X", code)
                .isError(TdispErrorCode.UNSUPPORTED_REQUEST, code);
    }

    /** A mandatory request one byte longer or one byte shorter than its layout. */
    record WrongLength(MessageType type, boolean longer) {
        ByteString applyTo(ByteString request) {
            ByteEditor editor = ByteEditor.of(request);
            return (longer ? editor.append(ByteString.zeros(1)) : editor.truncate(request.size() - 1)).toByteString();
        }

        @Override
        public String toString() {
            return type + (longer ? " with one extra byte" : " one byte short");
        }
    }

    static Stream<Arguments> wrongLengths() {
        return DeviceCases.with(MANDATORY.stream().flatMap(type -> Stream.of(new WrongLength(type, true),
                new WrongLength(type, false))).toList());
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("wrongLengths")
    @Must("TDISP-13")
    void aRequestOfTheWrongLengthIsInvalidRequest(DeviceSut sut, WrongLength wrong) {
        PciFunction pf0 = sut.connect().pf0();
        Legal legal = legal(sut, pf0, wrong.type(), TdispHeader.v10(pf0.interfaceId()));

        assertThat(legal.tdisp().sendRaw(wrong.applyTo(legal.request().encode()))).as("%s, in %s", wrong,
                legal.state()).isInvalidRequest();
        assertThat(sut, pf0).isInState(legal.state());
    }

    /** A request of a negative test, legal but for the one thing the test breaks, and the state it is legal in. */
    private record Legal(TdiState state, TdispClient tdisp, TdispMessage request) {
    }

    /**
     * Takes the TDI to a state where {@code type} is legal (the report and START in CONFIG_LOCKED,
     * the rest in CONFIG_UNLOCKED) and builds the request with {@code header}, START with the lock's
     * nonce, so that a negative test breaks one thing only (tdisp.md: one fault at a time).
     */
    private static Legal legal(DeviceSut sut, PciFunction pf0, MessageType type, TdispHeader header) {
        TdiState state = type == MessageType.GET_DEVICE_INTERFACE_REPORT || type == MessageType.START_INTERFACE_REQUEST
                ? TdiState.CONFIG_LOCKED : TdiState.CONFIG_UNLOCKED;
        Optional<ByteString> nonce = TdiDriver.enter(sut, pf0, state);
        TdispClient tdisp = sut.tdisp(pf0);
        TdispMessage request = type == MessageType.START_INTERFACE_REQUEST
                ? new StartInterfaceRequest(header, nonce.orElseThrow()) : probe(type, header, tdisp);
        return new Legal(state, tdisp, request);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("mandatoryRequestsWithSubfunctions")
    @Must("TDISP-40")
    void everyResponseEchoesTheInterfaceId(DeviceSut sut, MessageType type) {
        for (PciFunction function : sut.connect().functions()) {
            TdispClient tdisp = sut.tdisp(function);
            ByteString longer = ByteString.ofHex(probe(type, tdisp).encode().hex() + "00");

            assertThat(tdisp.send(probe(type, tdisp))).as("%s to %s", type, function.address())
                    .hasInterfaceId(function.interfaceId());
            assertThat(tdisp.sendRaw(longer)).as("the error to %s with one extra byte, to %s", type,
                    function.address()).hasInterfaceId(function.interfaceId());
        }
    }

    /** Every mandatory request to every function (its own TDI, in CONFIG_UNLOCKED). */
    static Stream<Arguments> everyFunctionAndMandatoryRequest() {
        return DeviceCases.functionsInStatesWith(DeviceCases.WITH_SUBFUNCTIONS, List.of(TdiState.CONFIG_UNLOCKED),
                MANDATORY);
    }

    @ParameterizedTest(name = "{0}, function {1}, {3}")
    @MethodSource("everyFunctionAndMandatoryRequest")
    @Must("TDISP-41")
    void everyResponseIsWellFormedWithReservedFieldsZero(DeviceSut sut, int fn, TdiState unlocked, MessageType type) {
        PciFunction function = sut.connect().function(fn);
        TdispClient tdisp = sut.tdisp(function);

        assertThat(tdisp.send(probe(type, tdisp))).as("%s of %s", type, function.address()).isStrictlyWellFormed();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("mandatoryRequests")
    @Must("TDISP-42")
    void reservedRequestBitsAreIgnored(DeviceSut sut, MessageType type) {
        PciFunction pf0 = sut.connect().pf0();
        TdispClient tdisp = sut.tdisp(pf0);
        ByteString reservedSet = ByteEditor.of(probe(type, tdisp).encode()).set(2, 0xA5).set(12, 0x5A).toByteString();

        String withReservedBits = kind(tdisp.sendRaw(reservedSet));
        tdisp.send(HeaderOnlyMessage.stop(tdisp.header()));
        String clean = kind(tdisp.send(probe(type, tdisp)));

        assertThat("answer to " + type + " with reserved header and INTERFACE_ID bytes set", withReservedBits)
                .is(clean);
    }

    /** What kind of answer this is: the message type, and the error code of an error. */
    private static String kind(TdispAnswer answer) {
        return answer.message().map(m -> m instanceof TdispError error ? "TDISP_ERROR " + error.code()
                : m.type().name()).orElse(answer.toString());
    }

    @ParameterizedTest(name = "{0}, version {1}")
    @MethodSource("majorOneVersions")
    @Must("TDISP-43")
    void getVersionWithAnyMajorOneVersionIsAnswered(DeviceSut sut, int version) {
        PciFunction pf0 = sut.connect().pf0();
        List<Integer> answeredTo10 = version == 0x10 ? List.of() : supportedVersions(sut, pf0, 0x10);
        TdispHeader header = new TdispHeader(version, pf0.interfaceId());

        TdispAnswer answer = sut.tdisp(pf0).send(HeaderOnlyMessage.getVersion(header));

        assertThat(answer).as("TDISPVersion 0x%02X", version).isResponse(MessageType.TDISP_VERSION);
        List<Integer> versions = ((TdispVersionResponse) answer.message().orElseThrow()).versions();
        String listed = versions.stream().map(v -> String.format("0x%02X", v)).collect(Collectors.joining(", ", "[",
                "]"));
        // the device serves the kit's 1.0 requests, so 1.0 is one of the versions it supports
        assertThat("versions TDISP_VERSION lists to GET_TDISP_VERSION 0x" + Integer.toHexString(version), listed)
                .satisfies(l -> versions.contains(0x10), "a list that names 0x10, the version the device answers the"
                        + " kit's requests in");
        if (version != 0x10) {
            assertThat("versions listed to GET_TDISP_VERSION 0x" + Integer.toHexString(version) + " and to 0x10",
                    listed).satisfies(l -> versions.equals(answeredTo10), "the same list for both: " + answeredTo10
                    .stream().map(v -> String.format("0x%02X", v)).collect(Collectors.joining(", ", "[", "]")));
        }
    }

    /** The versions PF0's TDISP_VERSION lists to GET_TDISP_VERSION in {@code version}; a set-up step. */
    private static List<Integer> supportedVersions(DeviceSut sut, PciFunction function, int version) {
        TdispAnswer answer = sut.tdisp(function).send(HeaderOnlyMessage.getVersion(new TdispHeader(version,
                function.interfaceId())));
        return answer.message().filter(TdispVersionResponse.class::isInstance).map(TdispVersionResponse.class::cast)
                .map(TdispVersionResponse::versions).orElseThrow(() -> Setup.failed("GET_TDISP_VERSION 0x"
                        + Integer.toHexString(version) + " of " + function.address(), answer.toString()));
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Must("TDISP-35")
    void capabilitiesAdvertiseEveryMandatoryRequest(DeviceSut sut, int fn) {
        PciFunction function = sut.connect().function(fn);
        TdispClient tdisp = sut.tdisp(function);

        TdispAnswer answer = tdisp.send(new GetTdispCapabilities(tdisp.header(), 0));

        assertThat(answer).isResponse(MessageType.TDISP_CAPABILITIES);
        TdispCapabilitiesResponse caps = (TdispCapabilitiesResponse) answer.message().orElseThrow();
        List<MessageType> missing = MANDATORY.stream().filter(t -> !caps.supports(t)).toList();
        assertThat("requests missing from REQ_MSGS_SUPPORTED of " + function.address(), missing).is(List.of());
    }
}
