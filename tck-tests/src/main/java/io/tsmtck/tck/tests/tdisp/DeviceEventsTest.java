package io.tsmtck.tck.tests.tdisp;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.device.DeviceEvent;
import io.tsmtck.api.spdm.message.SessionControl;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.LockInterfaceRequest;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.device.DeviceCases;
import io.tsmtck.tck.device.DeviceSut;
import io.tsmtck.tck.device.FirstRead;
import io.tsmtck.tck.device.TdiDriver;
import io.tsmtck.tck.device.TdispClient;
import io.tsmtck.tck.setup.Setup;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Events that end or reset a locked configuration (PCIe Base 6.x §11.4.1): the end of the SPDM
 * session, which the kit as requester causes itself, and what only a rig can inject.
 */
@Tag("area-tdisp")
class DeviceEventsTest {

    static Stream<Arguments> lockedOrRun() {
        return DeviceCases.functionsInStates(DeviceCases.WITH_SUBFUNCTIONS, TdiState.CONFIG_LOCKED, TdiState.RUN);
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("lockedOrRun")
    @Must("TDISP-30")
    void theDefaultStreamGoingInsecureMovesToError(DeviceSut sut, int fn, TdiState state) {
        PciFunction function = sut.connect().function(fn);
        TdiDriver.enter(sut, function, state);

        sut.inject(new DeviceEvent.IdeStreamInsecure(function.dsm(), sut.tdisp(function).defaultStream()));

        assertThat(sut, function).as("after the IDE stream left Secure in " + state).isInState(TdiState.ERROR);
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("lockedOrRun")
    @Must("TDISP-31")
    void theEndOfTheLockingSessionMovesToError(DeviceSut sut, int fn, TdiState state) {
        PciFunction function = sut.connect().function(fn);
        TdiDriver.enter(sut, function, state);

        sut.endSession();

        FirstRead.assertStateInNewSession(sut, function, TdiState.ERROR,
                "after the SPDM session that locked it ended in " + state);
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("lockedOrRun")
    @Must("TDISP-31")
    void theEndOfAnotherSessionLeavesTheTdiAsItWas(DeviceSut sut, int fn, TdiState state) {
        PciFunction function = sut.connect().function(fn);
        TdiDriver.enter(sut, function, state);
        SessionResult<SessionControl> ended = sut.openSecondSession().end();
        if (!ended.isOk()) {
            throw Setup.failed("END_SESSION of the second session", ended.failure().orElseThrow().toString());
        }

        assertThat(sut, function).as("after a second SPDM session, not the one that locked it, ended in " + state)
                .isInState(state);
        TdispClient tdisp = sut.tdisp(function);
        assertThat(tdisp.send(HeaderOnlyMessage.stop(tdisp.header()))).as("STOP after the second session ended")
                .isResponse(MessageType.STOP_INTERFACE_RESPONSE);
        assertThat(tdisp.send(new LockInterfaceRequest(tdisp.header(), 0,
                tdisp.defaultStream(), 0, 0))).as("LOCK over the first session, whose IDE keys the second session's"
                + " end leaves in place").isResponse(MessageType.LOCK_INTERFACE_RESPONSE);
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("lockedOrRun")
    @Must("TDISP-32")
    void aConventionalResetUnlocksEveryTdi(DeviceSut sut, int fn, TdiState state) {
        PciFunction function = sut.connect().function(fn);
        TdiDriver.enter(sut, function, state);

        sut.inject(new DeviceEvent.ConventionalReset(function.dsm()));

        assertThat(sut, function).as("after a conventional reset in " + state).isInState(TdiState.CONFIG_UNLOCKED);
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("lockedOrRun")
    @Must("TDISP-33")
    void aPowerStateLossMovesToError(DeviceSut sut, int fn, TdiState state) {
        PciFunction function = sut.connect().function(fn);
        TdiDriver.enter(sut, function, state);

        sut.inject(new DeviceEvent.PowerStateLoss(function.address()));

        assertThat(sut, function).as("after a power transition losing state in " + state)
                .isInState(TdiState.ERROR);
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("lockedOrRun")
    @Must("TDISP-34")
    void aPoisonedTlpMovesToError(DeviceSut sut, int fn, TdiState state) {
        PciFunction function = sut.connect().function(fn);
        TdiDriver.enter(sut, function, state);

        sut.inject(new DeviceEvent.PoisonedTlp(function.address()));

        assertThat(sut, function).as("after a poisoned TLP in " + state).isInState(TdiState.ERROR);
    }
}
