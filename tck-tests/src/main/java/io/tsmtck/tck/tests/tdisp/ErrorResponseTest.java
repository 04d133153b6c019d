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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/**
 * What a TDISP_ERROR carries, whichever error it is and in whichever state it is given: the request's
 * INTERFACE_ID and zero in every reserved field (ERROR_DATA included, reserved but for
 * UNSUPPORTED_REQUEST and VENDOR_SPECIFIC_ERROR). A device builds its errors on paths of their own
 * (one per check, often one per state), so each is asked for: a wrong version, an unknown code and a
 * wrong length in every state, and the requests the state table refuses in that state.
 */
@Tag("area-tdisp")
class ErrorResponseTest {

    /** A request the device refuses, to whom, and what came back. */
    private record Refused(PciFunction function, String request, TdispAnswer answer) {
    }

    static Stream<Arguments> everyState() {
        return DeviceCases.with(DeviceCases.WITH_SUBFUNCTIONS, List.of(TdiState.CONFIG_UNLOCKED,
                TdiState.CONFIG_LOCKED, TdiState.RUN, TdiState.ERROR));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyState")
    @Must("TDISP-40")
    void everyErrorEchoesTheInterfaceIdInEveryState(DeviceSut sut, TdiState state) {
        for (Refused refused : refusals(sut, state)) {
            assertThat(refused.answer()).as("%s to %s in %s", refused.request(), refused.function().address(), state)
                    .hasInterfaceId(refused.function().interfaceId());
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyState")
    @Must("TDISP-41")
    void everyErrorHasItsReservedFieldsZeroInEveryState(DeviceSut sut, TdiState state) {
        for (Refused refused : refusals(sut, state)) {
            assertThat(refused.answer()).as("%s to %s in %s", refused.request(), refused.function().address(), state)
                    .isStrictlyWellFormed();
        }
    }

    /**
     * Drives every function's TDI to {@code state} (ERROR: all locked over the kit's session, which then
     * ends) and sends each the requests it must refuse there; the answers (a request dropped is left to
     * the rules on answering: no answer carries nothing wrong).
     */
    private static List<Refused> refusals(DeviceSut sut, TdiState state) {
        List<PciFunction> functions = sut.connect().functions();
        Map<PciFunction, ByteString> nonces = new LinkedHashMap<>();
        for (PciFunction function : functions) {
            if (state == TdiState.ERROR) {
                nonces.put(function, sut.tdisp(function).lock());
            } else {
                nonces.put(function, TdiDriver.enter(sut, function, state).orElse(ByteString.zeros(32)));
            }
        }
        if (state == TdiState.ERROR) {
            TdiDriver.enterFromLocked(sut, functions.get(0), nonces.get(functions.get(0)), TdiState.ERROR);
        }
        List<Refused> refused = new ArrayList<>();
        for (PciFunction function : functions) {
            TdispClient tdisp = sut.tdisp(function);
            TdispHeader header = tdisp.header();
            ByteString getState = HeaderOnlyMessage.getState(header).encode();
            refused.add(new Refused(function, "GET_DEVICE_INTERFACE_STATE in TDISP 0x20",
                    tdisp.send(HeaderOnlyMessage.getState(new TdispHeader(0x20, header.interfaceId())))));
            refused.add(new Refused(function, "request code 0x8C", tdisp.sendRaw(ByteEditor.of(getState)
                    .set(1, 0x8C).toByteString())));
            refused.add(new Refused(function, "GET_DEVICE_INTERFACE_STATE with one extra byte",
                    tdisp.sendRaw(ByteString.ofHex(getState.hex() + "00"))));
            for (MessageType type : refusedIn(state)) {
                ByteString nonce = nonces.get(function);
                // START is refused in CONFIG_LOCKED for its nonce (the lock's, its last byte flipped)
                refused.add(new Refused(function, type.name(), type == MessageType.START_INTERFACE_REQUEST
                        ? tdisp.send(new StartInterfaceRequest(header, ByteEditor.of(nonce).set(31,
                                nonce.get(31) ^ 0x01).toByteString()))
                        : tdisp.send(Requests.wellFormed(type, header, tdisp.defaultStream()))));
            }
        }
        List<Refused> answered = refused.stream().filter(r -> !r.answer().isDropped()).toList();
        if (answered.isEmpty()) {
            // no answer is no violation of what an answer carries; the rules on answering judge that
            throw new TestAbortedException("blocked by: the device answered none of the " + refused.size()
                    + " requests it must refuse in " + state);
        }
        return answered;
    }

    /** The mandatory requests the state table refuses in {@code state} and no other test sends (tdisp.md, state table). */
    private static List<MessageType> refusedIn(TdiState state) {
        switch (state) {
            case CONFIG_UNLOCKED:
                // the report and START refused here are asked of every function by MessageValidationTest's
                // TDISP-40 and TDISP-41 tests, which send every mandatory request in CONFIG_UNLOCKED
                return List.of();
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
