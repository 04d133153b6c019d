package io.tsmtck.tck.tests.tdisp;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.tdisp.GetDeviceInterfaceReport;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.LockInterfaceRequest;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.StartInterfaceRequest;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tdisp.TdispErrorCode;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.binding.Applicability;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.device.DeviceCases;
import io.tsmtck.tck.device.DeviceSut;
import io.tsmtck.tck.device.TdiDriver;
import io.tsmtck.tck.device.TdispClient;
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

/** The TDISP state table (PCIe Base 6.x §11.3): which request is legal in which TDI state. */
@Tag("area-tdisp")
class StateTableTest {

    // ERROR is one case for every function together (DeviceCases.tdisInStates): one session end serves all

    static Stream<Arguments> lockedRunOrError() {
        return DeviceCases.tdisInStates(DeviceCases.WITH_SUBFUNCTIONS, TdiState.CONFIG_LOCKED, TdiState.RUN,
                TdiState.ERROR);
    }

    static Stream<Arguments> unlockedOrError() {
        return DeviceCases.tdisInStates(DeviceCases.WITH_SUBFUNCTIONS, TdiState.CONFIG_UNLOCKED, TdiState.ERROR);
    }

    static Stream<Arguments> unlockedRunOrError() {
        return DeviceCases.tdisInStates(DeviceCases.WITH_SUBFUNCTIONS, TdiState.CONFIG_UNLOCKED, TdiState.RUN,
                TdiState.ERROR);
    }

    /** The requests every state serves, each read asked of one TDI in one state after the other. */
    private static final List<MessageType> READS = List.of(MessageType.GET_TDISP_VERSION,
            MessageType.GET_TDISP_CAPABILITIES, MessageType.GET_DEVICE_INTERFACE_STATE);

    static Stream<Arguments> everyFunctionInEveryState() {
        return DeviceCases.tdisInStates(DeviceCases.WITH_SUBFUNCTIONS, TdiState.values());
    }

    static Stream<Arguments> everyFunction() {
        return DeviceCases.functions(DeviceCases.WITH_SUBFUNCTIONS);
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("lockedRunOrError")
    @Must("TDISP-01")
    void lockOutsideConfigUnlockedIsInvalidInterfaceState(DeviceSut sut, int fn, TdiState state) {
        Map<PciFunction, Optional<ByteString>> nonces = TdiDriver.enter(sut, DeviceCases.functions(sut, fn), state);

        nonces.forEach((function, nonce) -> {
            TdispClient tdisp = sut.tdisp(function);
            assertThat(tdisp.send(new LockInterfaceRequest(tdisp.header(), 0, tdisp.defaultStream(), 0, 0)))
                    .as("LOCK to %s in %s", function.address(), state).isError(TdispErrorCode.INVALID_INTERFACE_STATE);
            assertThat(sut, function).as("after the refused LOCK").isInState(state);
            if (nonce.isPresent()) {
                assertThat(tdisp.send(new StartInterfaceRequest(tdisp.header(), nonce.get())))
                        .as("START with the nonce of the lock the refused LOCK left in place")
                        .isResponse(MessageType.START_INTERFACE_RESPONSE);
            }
        });
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("unlockedOrError")
    @Must("TDISP-02")
    void reportOutsideLockedOrRunIsInvalidInterfaceState(DeviceSut sut, int fn, TdiState state) {
        List<PciFunction> functions = DeviceCases.functions(sut, fn);
        TdiDriver.enter(sut, functions, state);

        for (PciFunction function : functions) {
            TdispClient tdisp = sut.tdisp(function);
            assertThat(tdisp.send(new GetDeviceInterfaceReport(tdisp.header(), 0, 0x40)))
                    .as("GET_DEVICE_INTERFACE_REPORT to %s in %s", function.address(), state)
                    .isError(TdispErrorCode.INVALID_INTERFACE_STATE);
        }
    }

    static Stream<Arguments> lockedOrRun() {
        return DeviceCases.functionsInStates(DeviceCases.WITH_SUBFUNCTIONS, TdiState.CONFIG_LOCKED, TdiState.RUN);
    }

    @ParameterizedTest(name = "{0}, function {1}, stopped from {2}")
    @MethodSource("lockedOrRun")
    @Must("TDISP-02")
    void theReportOfAStoppedTdiIsNotServedAgain(DeviceSut sut, int fn, TdiState state) {
        PciFunction function = sut.connect().function(fn);
        TdiDriver.enter(sut, function, state);
        TdispClient tdisp = sut.tdisp(function);
        assertThat(tdisp.send(new GetDeviceInterfaceReport(tdisp.header(), 0, 0x40)))
                .as("the report in %s", state).isResponse(MessageType.DEVICE_INTERFACE_REPORT);
        assertThat(tdisp.send(HeaderOnlyMessage.stop(tdisp.header()))).as("STOP in %s", state)
                .isResponse(MessageType.STOP_INTERFACE_RESPONSE);

        assertThat(tdisp.send(new GetDeviceInterfaceReport(tdisp.header(), 0, 0x40)))
                .as("the report after a STOP from %s (CONFIG_UNLOCKED again)", state)
                .isError(TdispErrorCode.INVALID_INTERFACE_STATE);
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("unlockedRunOrError")
    @Must("TDISP-03")
    void startOutsideConfigLockedIsInvalidInterfaceState(DeviceSut sut, int fn, TdiState state) {
        List<PciFunction> functions = DeviceCases.functions(sut, fn);
        // the nonce the device issued last, so that only the state is wrong as far as the kit can make it
        Map<PciFunction, ByteString> lastNonces = state == TdiState.ERROR ? TdiDriver.lockedThenInError(sut,
                functions) : lockedThenMovedTo(sut, functions, state);

        lastNonces.forEach((function, lastNonce) -> {
            TdispClient tdisp = sut.tdisp(function);
            assertThat(tdisp.send(new StartInterfaceRequest(tdisp.header(), lastNonce)))
                    .as("START to %s with the nonce of the last LOCK in %s, where the device holds none",
                            function.address(), state)
                    .isErrorOneOf(TdispErrorCode.INVALID_INTERFACE_STATE, TdispErrorCode.INVALID_NONCE);
            assertThat(sut, function).as("after the refused START").isInState(state);
        });
    }

    /** Locks each TDI, then moves it to {@code state}: STOP back to CONFIG_UNLOCKED, or on from CONFIG_LOCKED. */
    private static Map<PciFunction, ByteString> lockedThenMovedTo(DeviceSut sut, List<PciFunction> functions,
                                                                  TdiState state) {
        Map<PciFunction, ByteString> nonces = new LinkedHashMap<>();
        for (PciFunction function : functions) {
            TdispClient tdisp = sut.tdisp(function);
            nonces.put(function, tdisp.lock());
            if (state == TdiState.CONFIG_UNLOCKED) {
                tdisp.send(HeaderOnlyMessage.stop(tdisp.header()));
            } else {
                TdiDriver.enterFromLocked(sut, function, nonces.get(function), state);
            }
        }
        return nonces;
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("everyFunctionInEveryState")
    @Must("TDISP-45")
    void readingRequestsAreAnsweredInEveryState(DeviceSut sut, int fn, TdiState state) {
        List<PciFunction> functions = DeviceCases.functions(sut, fn);
        TdiDriver.enter(sut, functions, state);

        for (PciFunction function : functions) {
            TdispClient tdisp = sut.tdisp(function);
            for (MessageType type : READS) {
                assertThat(tdisp.send(Requests.wellFormed(type, tdisp.header(), tdisp.defaultStream())))
                        .as("%s to %s in %s", type, function.address(), state).isResponse(type.response().orElseThrow());
                assertThat(sut, function).as("after %s in %s", type, state).isInState(state);
            }
        }
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Must("TDISP-08")
    void stopInConfigUnlockedSucceedsAndStaysUnlocked(DeviceSut sut, int fn) {
        PciFunction function = sut.connect().function(fn);
        TdispClient tdisp = sut.tdisp(function);

        assertThat(tdisp.send(HeaderOnlyMessage.stop(tdisp.header()))).isResponse(MessageType.STOP_INTERFACE_RESPONSE);
        assertThat(sut, function).isInState(TdiState.CONFIG_UNLOCKED);
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("lockedRunOrError")
    @Must("TDISP-09")
    void stopReturnsEveryStateToConfigUnlocked(DeviceSut sut, int fn, TdiState state) {
        List<PciFunction> functions = DeviceCases.functions(sut, fn);
        TdiDriver.enter(sut, functions, state);

        for (PciFunction function : functions) {
            TdispClient tdisp = sut.tdisp(function);
            assertThat(tdisp.send(HeaderOnlyMessage.stop(tdisp.header()))).as("STOP to %s in %s", function.address(),
                    state).isResponse(MessageType.STOP_INTERFACE_RESPONSE);
            assertThat(sut, function).as("after STOP from " + state).isInState(TdiState.CONFIG_UNLOCKED);
        }
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Must("TDISP-47")
    void aRequestChangesOnlyTheTdiItNames(DeviceSut sut, int fn) {
        Applicability.requireSubfunctions(sut);
        PciFunction target = sut.connect().function(fn);
        List<PciFunction> others = sut.functions().stream().filter(f -> !f.equals(target)).toList();
        List<TdiState> siblingStates = List.of(TdiState.CONFIG_LOCKED, TdiState.RUN, TdiState.CONFIG_UNLOCKED);
        for (int i = 0; i < others.size(); i++) {
            TdiDriver.enter(sut, others.get(i), siblingStates.get(i % siblingStates.size()));
        }
        String before = states(sut, others);
        TdispClient tdisp = sut.tdisp(target);

        List<String> seen = new ArrayList<>();
        ByteString nonce = tdisp.lock();
        seen.add("after LOCK: " + states(sut, others));
        tdisp.start(nonce);
        seen.add("after START: " + states(sut, others));
        tdisp.send(HeaderOnlyMessage.stop(tdisp.header()));
        seen.add("after STOP: " + states(sut, others));

        assertThat("the other TDIs' states while " + target.address() + " is locked, started and stopped", seen)
                .is(List.of("after LOCK: " + before, "after START: " + before, "after STOP: " + before));
    }

    private static String states(DeviceSut sut, List<PciFunction> functions) {
        return functions.stream().map(f -> f.address() + " " + sut.tdisp(f).state()).toList().toString();
    }
}
