package io.tsmtck.tck.tests.tdisp;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.idekm.KeySubStream;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.MmioRange;
import io.tsmtck.api.tdisp.P2pStreamRequest;
import io.tsmtck.api.tdisp.SetMmioAttributeRequest;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tdisp.TdispError;
import io.tsmtck.api.tdisp.TdispErrorCode;
import io.tsmtck.api.tdisp.TdispHeader;
import io.tsmtck.api.tdisp.TdispMessage;
import io.tsmtck.api.tdisp.VdmMessage;
import io.tsmtck.api.tdisp.VendorPayload;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.binding.Applicability;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.binding.Should;
import io.tsmtck.tck.catalogue.Condition;
import io.tsmtck.tck.device.DeviceCases;
import io.tsmtck.tck.device.DeviceSut;
import io.tsmtck.tck.device.TdiDriver;
import io.tsmtck.tck.device.TdispAnswer;
import io.tsmtck.tck.device.TdispClient;
import io.tsmtck.tck.spdm.SpdmSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The optional requests legal only in RUN: P2P streams and MMIO attributes (PCIe Base 6.x §11.3.18-22). */
@Tag("area-tdisp")
class OptionalMessagesTest {

    /** A stream other than the default one, for a P2P binding. */
    private static final int P2P_STREAM = 0x22;
    /** The first of the streams BIND_P2P_STREAM must refuse (keyless, partly keyed, keyed elsewhere). */
    private static final int REFUSED_P2P_STREAM = 0x60;
    /**
     * REGISTRY_ID of the kit's VDM_REQUEST, with VENDOR_ID 0x0001: a vendor message the device need not
     * understand, so that any answer but UNSUPPORTED_REQUEST shows the request is served.
     */
    private static final int VDM_REGISTRY = 0;
    /** A LENGTH that asks for the whole report at once. */
    private static final int WHOLE_REPORT = 0xFFFF;

    private static final List<MessageType> RUN_ONLY = List.of(MessageType.BIND_P2P_STREAM_REQUEST,
            MessageType.UNBIND_P2P_STREAM_REQUEST, MessageType.SET_MMIO_ATTRIBUTE_REQUEST);

    static Stream<Arguments> runOnlyRequestsOutsideRun() {
        return RUN_ONLY.stream().flatMap(type -> Stream.of(TdiState.CONFIG_UNLOCKED, TdiState.CONFIG_LOCKED,
                TdiState.ERROR).map(state -> Arguments.of(new DeviceSut(TopologyRequest.minimal()), type, state)));
    }


    private static TdispMessage request(MessageType type, TdispHeader header) {
        if (type == MessageType.SET_MMIO_ATTRIBUTE_REQUEST) {
            return new SetMmioAttributeRequest(header, 0, 1, 0, 1);
        }
        return new P2pStreamRequest(type, header, 9);
    }

    /** The condition under which {@code type} is tested, and the requests the device must advertise for it. */
    private static void requireAdvertised(DeviceSut sut, PciFunction function, MessageType type) {
        if (type == MessageType.SET_MMIO_ATTRIBUTE_REQUEST) {
            Applicability.requireAdvertised(sut, function, Condition.ADVERTISES_SET_MMIO_ATTRIBUTE, type);
        } else {
            requireP2pStreams(sut, function);
        }
    }

    private static void requireP2pStreams(DeviceSut sut, PciFunction function) {
        Applicability.requireAdvertised(sut, function, Condition.ADVERTISES_P2P_STREAMS,
                MessageType.BIND_P2P_STREAM_REQUEST, MessageType.UNBIND_P2P_STREAM_REQUEST);
    }

    static Stream<Arguments> optionalRequests() {
        return DeviceCases.with(List.of(MessageType.BIND_P2P_STREAM_REQUEST, MessageType.UNBIND_P2P_STREAM_REQUEST,
                MessageType.SET_MMIO_ATTRIBUTE_REQUEST, MessageType.VDM_REQUEST));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("optionalRequests")
    @Must("TDISP-52")
    void theRequestBitmapTellsWhichOptionalRequestsAreServed(DeviceSut sut, MessageType type) {
        PciFunction pf0 = sut.connect().pf0();
        TdispClient tdisp = sut.tdisp(pf0);
        boolean advertised = tdisp.capabilities().supports(type);
        TdiDriver.enter(sut, pf0, TdiState.RUN); // where every optional request is legal

        TdispAnswer answer = tdisp.send(type == MessageType.VDM_REQUEST ? new VdmMessage(type, tdisp.header(),
                new VendorPayload(VDM_REGISTRY, ByteString.ofHex("0100"), ByteString.EMPTY))
                : request(type, tdisp.header()));

        if (advertised) {
            boolean unsupported = answer.message().filter(TdispError.class::isInstance)
                    .filter(m -> ((TdispError) m).code() == TdispErrorCode.UNSUPPORTED_REQUEST).isPresent();
            assertThat(String.format("answer to %s in RUN, which REQ_MSGS_SUPPORTED advertises", type),
                    answer.toString()).satisfies(d -> !unsupported, "any answer but UNSUPPORTED_REQUEST");
        } else {
            assertThat(answer).as("%s in RUN, which REQ_MSGS_SUPPORTED does not advertise", type)
                    .isError(TdispErrorCode.UNSUPPORTED_REQUEST, type.code());
        }
    }

    @ParameterizedTest(name = "{0}, {1} in {2}")
    @MethodSource("runOnlyRequestsOutsideRun")
    @Must("TDISP-36")
    void runOnlyRequestsOutsideRunAreInvalidInterfaceState(DeviceSut sut, MessageType type, TdiState state) {
        PciFunction pf0 = sut.connect().pf0();
        requireAdvertised(sut, pf0, type);
        TdiDriver.enter(sut, pf0, state);
        TdispClient tdisp = sut.tdisp(pf0);

        if (type == MessageType.UNBIND_P2P_STREAM_REQUEST) {
            // outside RUN no P2P stream can be bound, so UNBIND is wrong twice; no precedence is set
            assertThat(tdisp.send(request(type, tdisp.header()))).as("%s in %s", type, state)
                    .isErrorOneOf(TdispErrorCode.INVALID_INTERFACE_STATE, TdispErrorCode.INVALID_REQUEST);
        } else {
            assertThat(tdisp.send(request(type, tdisp.header()))).as("%s in %s", type, state)
                    .isError(TdispErrorCode.INVALID_INTERFACE_STATE);
        }
        assertThat(sut, pf0).isInState(state);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DeviceCases.DEVICE)
    @Must("TDISP-37")
    void unbindingAStreamThatWasNeverBoundIsInvalidRequest(DeviceSut sut) {
        PciFunction pf0 = sut.connect().pf0();
        requireP2pStreams(sut, pf0);
        TdiDriver.enter(sut, pf0, TdiState.RUN);
        TdispClient tdisp = sut.tdisp(pf0);

        assertThat(tdisp.send(new P2pStreamRequest(MessageType.UNBIND_P2P_STREAM_REQUEST, tdisp.header(), 9)))
                .isError(TdispErrorCode.INVALID_REQUEST);
    }

    /** Why BIND_P2P_STREAM must be refused: one cause per case (PCIe Base 6.x §11.3.18). */
    enum P2pRefusal { DEFAULT_STREAM, NO_KEYS, ONE_SUB_STREAM_UNKEYED, KEYS_OF_ANOTHER_SESSION }

    /** A refusal and, for ONE_SUB_STREAM_UNKEYED, the sub-stream left without a key. */
    record P2pCase(P2pRefusal refusal, Optional<KeySubStream> unkeyed) {
        @Override
        public String toString() {
            return refusal + unkeyed.map(lane -> " " + lane.direction() + " " + lane.subStream()).orElse("");
        }

        /** The stream the case binds: a stream of its own, so that no case meets the keys of another. */
        int stream(int defaultStream) {
            return switch (refusal) {
                case DEFAULT_STREAM -> defaultStream;
                case NO_KEYS -> REFUSED_P2P_STREAM;
                case KEYS_OF_ANOTHER_SESSION -> REFUSED_P2P_STREAM + 1;
                case ONE_SUB_STREAM_UNKEYED -> REFUSED_P2P_STREAM + 2
                        + KeySubStream.of(KeySubStream.KeySet.K0).indexOf(unkeyed.orElseThrow());
            };
        }
    }

    static Stream<Arguments> everyP2pRefusal() {
        List<P2pCase> cases = new ArrayList<>();
        for (P2pRefusal refusal : P2pRefusal.values()) {
            if (refusal == P2pRefusal.ONE_SUB_STREAM_UNKEYED) {
                KeySubStream.of(KeySubStream.KeySet.K0).forEach(lane -> cases.add(new P2pCase(refusal,
                        Optional.of(lane))));
            } else {
                cases.add(new P2pCase(refusal, Optional.empty()));
            }
        }
        return DeviceCases.with(cases);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyP2pRefusal")
    @Must("TDISP-38")
    void bindingAStreamTheTdiMayNotUseAsP2pIsInvalidRequest(DeviceSut sut, P2pCase p2p) {
        PciFunction pf0 = sut.connect().pf0();
        requireP2pStreams(sut, pf0);
        TdiDriver.enter(sut, pf0, TdiState.RUN);
        TdispClient tdisp = sut.tdisp(pf0);
        int stream = p2p.stream(tdisp.defaultStream());
        Optional<SpdmSession> second = p2p.refusal() == P2pRefusal.KEYS_OF_ANOTHER_SESSION
                ? Optional.of(sut.openSecondSession()) : Optional.empty();
        try {
            second.ifPresent(other -> sut.programStream(stream, other));
            p2p.unkeyed().ifPresent(lane -> sut.programStreamWithout(stream, lane));

            assertThat(tdisp.send(new P2pStreamRequest(MessageType.BIND_P2P_STREAM_REQUEST, tdisp.header(), stream)))
                    .as("BIND_P2P_STREAM of stream %d (%s)", stream, p2p).isError(TdispErrorCode.INVALID_REQUEST);
        } finally {
            second.ifPresent(SpdmSession::end);
        }
        assertThat(sut, pf0).as("after the refused BIND_P2P_STREAM (%s)", p2p).isInState(TdiState.RUN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DeviceCases.DEVICE)
    @Must("TDISP-48")
    void aProgrammedStreamBindsAndUnbindsAsP2p(DeviceSut sut) {
        PciFunction pf0 = sut.connect().pf0();
        TdispClient tdisp = runningWithP2pStreamKeyed(sut, pf0);

        assertThat(tdisp.send(p2p(MessageType.BIND_P2P_STREAM_REQUEST, tdisp)))
                .as("BIND_P2P_STREAM of stream %d, its keys programmed over the lock's session", P2P_STREAM)
                .isResponse(MessageType.BIND_P2P_STREAM_RESPONSE);
        assertThat(tdisp.send(p2p(MessageType.UNBIND_P2P_STREAM_REQUEST, tdisp)))
                .as("UNBIND_P2P_STREAM of the bound stream %d", P2P_STREAM)
                .isResponse(MessageType.UNBIND_P2P_STREAM_RESPONSE);
        assertThat(tdisp.send(p2p(MessageType.UNBIND_P2P_STREAM_REQUEST, tdisp)))
                .as("UNBIND_P2P_STREAM of stream %d again, no longer bound", P2P_STREAM)
                .isError(TdispErrorCode.INVALID_REQUEST);
        assertThat(sut, pf0).as("after binding and unbinding a P2P stream").isInState(TdiState.RUN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DeviceCases.DEVICE)
    @Should("TDISP-56")
    void aP2pBindingDoesNotOutliveStop(DeviceSut sut) {
        PciFunction pf0 = sut.connect().pf0();
        TdispClient tdisp = runningWithP2pStreamKeyed(sut, pf0);
        tdisp.sendStep(p2p(MessageType.BIND_P2P_STREAM_REQUEST, tdisp), MessageType.BIND_P2P_STREAM_RESPONSE,
                "BIND_P2P_STREAM of stream " + P2P_STREAM + " in RUN");
        tdisp.sendStep(HeaderOnlyMessage.stop(tdisp.header()), MessageType.STOP_INTERFACE_RESPONSE,
                "STOP_INTERFACE_REQUEST with stream " + P2P_STREAM + " bound");
        TdiDriver.enter(sut, pf0, TdiState.RUN);

        assertThat(tdisp.send(p2p(MessageType.UNBIND_P2P_STREAM_REQUEST, tdisp)))
                .as("UNBIND_P2P_STREAM of stream %d, bound before the STOP, after a new LOCK and START", P2P_STREAM)
                .isError(TdispErrorCode.INVALID_REQUEST);
        assertThat(tdisp.send(p2p(MessageType.BIND_P2P_STREAM_REQUEST, tdisp)))
                .as("BIND_P2P_STREAM of stream %d after the new LOCK and START", P2P_STREAM)
                .isResponse(MessageType.BIND_P2P_STREAM_RESPONSE);
    }

    /** {@code type} (BIND or UNBIND_P2P_STREAM_REQUEST) for the kit's P2P stream. */
    private static P2pStreamRequest p2p(MessageType type, TdispClient tdisp) {
        return new P2pStreamRequest(type, tdisp.header(), P2P_STREAM);
    }

    /**
     * PF0's TDI in RUN with the kit's P2P stream keyed over the lock's session; NOT_APPLICABLE unless the
     * device advertises the P2P stream requests.
     */
    private static TdispClient runningWithP2pStreamKeyed(DeviceSut sut, PciFunction pf0) {
        requireP2pStreams(sut, pf0);
        TdiDriver.enter(sut, pf0, TdiState.RUN);
        sut.programStream(P2P_STREAM);
        return sut.tdisp(pf0);
    }

    /** PF0's TDI in RUN, NOT_APPLICABLE unless the device advertises SET_MMIO_ATTRIBUTE_REQUEST. */
    private static TdispClient runningWithSetMmio(DeviceSut sut, PciFunction pf0) {
        Applicability.requireAdvertised(sut, pf0, Condition.ADVERTISES_SET_MMIO_ATTRIBUTE,
                MessageType.SET_MMIO_ATTRIBUTE_REQUEST);
        TdiDriver.enter(sut, pf0, TdiState.RUN);
        return sut.tdisp(pf0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DeviceCases.DEVICE)
    @Must("TDISP-49")
    void anUpdatableRangeTakesSetMmioAttribute(DeviceSut sut) {
        PciFunction pf0 = sut.connect().pf0();
        TdispClient tdisp = runningWithSetMmio(sut, pf0);
        MmioRange range = Applicability.requireUpdatableRange(pf0, ReportReader.read(tdisp, WHOLE_REPORT).report());

        assertThat(tdisp.send(new SetMmioAttributeRequest(tdisp.header(), range.firstPage(), range.numberOfPages(),
                SetMmioAttributeRequest.ATTR_IS_NON_TEE_MEM, range.rangeId())))
                .as("SET_MMIO_ATTRIBUTE IS_NON_TEE_MEM of all %d pages of range %d (IS_MEM_ATTR_UPDATABLE)",
                        range.numberOfPages(), range.rangeId())
                .isResponse(MessageType.SET_MMIO_ATTRIBUTE_RESPONSE);
        assertThat(sut, pf0).as("after SET_MMIO_ATTRIBUTE").isInState(TdiState.RUN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DeviceCases.DEVICE)
    @Must("TDISP-39")
    void aFailedSetMmioAttributeLeavesTheTdiRunning(DeviceSut sut) {
        PciFunction pf0 = sut.connect().pf0();
        TdispClient tdisp = runningWithSetMmio(sut, pf0);
        List<MmioRange> ranges = ReportReader.read(tdisp, WHOLE_REPORT).report().ranges();
        Map<String, SetMmioAttributeRequest> failing = new LinkedHashMap<>();
        failing.put("reserved ATTR bit 0 set", new SetMmioAttributeRequest(tdisp.header(), 0, 1, 0x1, 1));
        int absent = ranges.stream().mapToInt(MmioRange::rangeId).max().orElse(0) + 1;
        failing.put("RANGE_ID " + absent + ", which the report does not have",
                new SetMmioAttributeRequest(tdisp.header(), 0, 1, SetMmioAttributeRequest.ATTR_IS_NON_TEE_MEM, absent));
        for (MmioRange range : ranges) {
            boolean updatable = (range.attributes() & MmioRange.ATTR_IS_MEM_ATTR_UPDATABLE) != 0;
            String which = (updatable ? "" : "not ") + "IS_MEM_ATTR_UPDATABLE range " + range.rangeId();
            failing.putIfAbsent(updatable ? "one page more than the " + which : "the " + which,
                    new SetMmioAttributeRequest(tdisp.header(), range.firstPage(),
                            range.numberOfPages() + (updatable ? 1 : 0), SetMmioAttributeRequest.ATTR_IS_NON_TEE_MEM,
                            range.rangeId()));
        }

        failing.forEach((why, request) -> assertThat(tdisp.send(request)).as("SET_MMIO_ATTRIBUTE with " + why)
                .isError(TdispErrorCode.INVALID_REQUEST));
        assertThat(sut, pf0).as("after %d failed SET_MMIO_ATTRIBUTE requests", failing.size())
                .isInState(TdiState.RUN);
    }
}
