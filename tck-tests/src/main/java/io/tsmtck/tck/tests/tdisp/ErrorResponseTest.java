package io.tsmtck.tck.tests.tdisp;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.StartInterfaceRequest;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tdisp.TdispHeader;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/**
 * What a TDISP_ERROR carries, whichever error it is and in whichever state it is given: the request's
 * INTERFACE_ID and zero in every reserved field (ERROR_DATA included, reserved but for
 * UNSUPPORTED_REQUEST and VENDOR_SPECIFIC_ERROR). A device builds its errors on paths of their own
 * (one per check, often one per state), so each is asked for on every function: a wrong version, an
 * unknown code and a wrong length, and the requests the state table refuses in each state.
 */
@Tag("area-tdisp")
class ErrorResponseTest {

    /** A request the device refuses, to whom, in which state, and what came back. */
    private record Refused(PciFunction function, TdiState state, String request, TdispAnswer answer) {
        @Override
        public String toString() {
            return request + " to " + function.address() + " in " + state;
        }
    }

    static Stream<DeviceSut> deviceWithSubfunctions() {
        return DeviceCases.device(DeviceCases.WITH_SUBFUNCTIONS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deviceWithSubfunctions")
    @Must("TDISP-40")
    void everyErrorEchoesTheInterfaceIdInEveryState(DeviceSut sut) {
        walk(sut).check(refused -> assertThat(refused.answer()).as("%s", refused)
                .hasInterfaceId(refused.function().interfaceId()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deviceWithSubfunctions")
    @Must("TDISP-41")
    void everyErrorHasItsReservedFieldsZeroInEveryState(DeviceSut sut) {
        walk(sut).check(refused -> assertThat(refused.answer()).as("%s", refused).isStrictlyWellFormed());
    }

    /** What the walk sent and got, and the state it could not reach, if any. */
    private record Walk(List<Refused> refused, Optional<TestAbortedException> blocked) {

        /**
         * Checks every answer (a request dropped is left to the rules on answering: no answer carries
         * nothing wrong), then reports the state the walk could not reach: what was observed before it
         * still fails the rule.
         */
        void check(Consumer<Refused> assertion) {
            List<Refused> answered = refused.stream().filter(r -> !r.answer().isDropped()).toList();
            answered.forEach(assertion);
            if (blocked.isPresent()) {
                throw Setup.blockedAfter(blocked.get(), "the " + answered.size() + " answers to the requests of the"
                        + " states reached (" + refused.stream().map(r -> r.state().name()).distinct()
                        .collect(Collectors.joining(", ")) + ")");
            }
            if (answered.isEmpty()) {
                throw new TestAbortedException("blocked by: the device answered none of the " + refused.size()
                        + " requests it must refuse");
            }
        }
    }

    /**
     * Walks every function's TDI through the states once - CONFIG_UNLOCKED, then all locked, all
     * started, and all in ERROR by the end of the kit's session that locked them - and sends each, in
     * each state, the requests it must refuse there. One walk, not one set-up per state: a device pays
     * each exchange in its own time.
     */
    private static Walk walk(DeviceSut sut) {
        List<PciFunction> functions = sut.connect().functions();
        List<Refused> refused = new ArrayList<>();
        for (PciFunction function : functions) {
            refused.addAll(malformed(sut.tdisp(function), function));
        }
        Map<PciFunction, ByteString> nonces = new LinkedHashMap<>();
        try {
            for (PciFunction function : functions) {
                nonces.put(function, TdiDriver.enter(sut, function, TdiState.CONFIG_LOCKED).orElseThrow());
            }
            refused.addAll(refusedIn(sut, TdiState.CONFIG_LOCKED, nonces));
            for (PciFunction function : functions) {
                TdiDriver.enterFromLocked(sut, function, nonces.get(function), TdiState.RUN);
            }
            refused.addAll(refusedIn(sut, TdiState.RUN, nonces));
            TdiDriver.errorBySessionEnd(sut, functions);
            refused.addAll(refusedIn(sut, TdiState.ERROR, nonces));
            return new Walk(refused, Optional.empty());
        } catch (TestAbortedException blocked) {
            return new Walk(refused, Optional.of(blocked));
        }
    }

    /** A wrong version, an unknown request code and a wrong length, in CONFIG_UNLOCKED. */
    private static List<Refused> malformed(TdispClient tdisp, PciFunction function) {
        TdispHeader header = tdisp.header();
        ByteString getState = HeaderOnlyMessage.getState(header).encode();
        TdiState unlocked = TdiState.CONFIG_UNLOCKED;
        return List.of(new Refused(function, unlocked, "GET_DEVICE_INTERFACE_STATE in TDISP 0x20",
                        tdisp.send(HeaderOnlyMessage.getState(new TdispHeader(0x20, header.interfaceId())))),
                new Refused(function, unlocked, "request code 0x8C", tdisp.sendRaw(ByteEditor.of(getState)
                        .set(1, 0x8C).toByteString())),
                new Refused(function, unlocked, "GET_DEVICE_INTERFACE_STATE with one extra byte",
                        tdisp.sendRaw(ByteString.ofHex(getState.hex() + "00"))));
    }

    /** Each request the state table refuses in {@code state}, to every function. */
    private static List<Refused> refusedIn(DeviceSut sut, TdiState state, Map<PciFunction, ByteString> nonces) {
        List<Refused> refused = new ArrayList<>();
        for (Map.Entry<PciFunction, ByteString> entry : nonces.entrySet()) {
            TdispClient tdisp = sut.tdisp(entry.getKey());
            ByteString nonce = entry.getValue();
            for (MessageType type : refusedIn(state)) {
                // START carries the lock's nonce with its last byte flipped: refused in CONFIG_LOCKED for it
                refused.add(new Refused(entry.getKey(), state, type.name(), type == MessageType.START_INTERFACE_REQUEST
                        ? tdisp.send(new StartInterfaceRequest(tdisp.header(), ByteEditor.of(nonce).set(31,
                                nonce.get(31) ^ 0x01).toByteString()))
                        : tdisp.send(Requests.wellFormed(type, tdisp.header(), tdisp.defaultStream()))));
            }
        }
        return refused;
    }

    /**
     * The mandatory requests the state table refuses in {@code state} (tdisp.md); those refused in
     * CONFIG_UNLOCKED (the report, START) are asked of every function by MessageValidationTest, which
     * sends every mandatory request there.
     */
    private static List<MessageType> refusedIn(TdiState state) {
        switch (state) {
            case CONFIG_LOCKED:
                return List.of(MessageType.LOCK_INTERFACE_REQUEST, MessageType.START_INTERFACE_REQUEST);
            case RUN:
                return List.of(MessageType.LOCK_INTERFACE_REQUEST, MessageType.START_INTERFACE_REQUEST);
            default:
                return List.of(MessageType.LOCK_INTERFACE_REQUEST, MessageType.GET_DEVICE_INTERFACE_REPORT,
                        MessageType.START_INTERFACE_REQUEST);
        }
    }
}
