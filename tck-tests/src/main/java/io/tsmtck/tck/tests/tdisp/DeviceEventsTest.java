package io.tsmtck.tck.tests.tdisp;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.Capability;
import io.tsmtck.api.device.DeviceEvent;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.tck.support.Cases;
import io.tsmtck.tck.support.Must;
import io.tsmtck.tck.support.Setup;
import io.tsmtck.tck.support.Sut;
import io.tsmtck.tck.support.Suts;
import io.tsmtck.tck.support.TdiDriver;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Device events outside the host's uAPIs that end or reset a locked configuration (PCIe Base 6.x §11.4.1). */
@Tag("area-tdisp")
class DeviceEventsTest {

    static Stream<Arguments> lockedOrRun() {
        return Cases.functionsInStates(Suts.WITH_SUBFUNCTIONS, TdiState.CONFIG_LOCKED, TdiState.RUN);
    }

    private static void inject(Sut sut, Capability capability, DeviceEvent event) {
        sut.require(capability);
        Setup.require(sut.stack().events().orElseThrow(() -> Setup.failed("inject " + event,
                "the stack declares " + capability + " but has no DeviceEvents")).inject(event), "inject " + event);
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("lockedOrRun")
    @Must("TDISP-30")
    void theDefaultStreamGoingInsecureMovesToError(Sut sut, int fn, TdiState state) {
        PciFunction function = sut.connect().function(fn);
        TdiDriver.enter(sut, function, state);

        inject(sut, Capability.EVENT_IDE_STREAM_INSECURE,
                new DeviceEvent.IdeStreamInsecure(function.dsm(), sut.tdisp(function).defaultStream()));

        assertThat(sut, function).as("after the IDE stream left Secure in " + state).isInState(TdiState.ERROR);
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("lockedOrRun")
    @Must("TDISP-31")
    void theEndOfTheLockingSessionMovesToError(Sut sut, int fn, TdiState state) {
        PciFunction function = sut.connect().function(fn);
        TdiDriver.enter(sut, function, state);

        inject(sut, Capability.EVENT_SPDM_SESSION_END, new DeviceEvent.SpdmSessionEnd(function.dsm()));
        Setup.require(sut.stack().tsm().disconnect(function.dsm(), sut.tsmName()), "disconnect after the session ended");
        Setup.require(sut.stack().tsm().connect(function.dsm(), sut.tsmName()), "reconnect to read the state");

        assertThat(sut, function).as("after the SPDM session that locked it ended in " + state)
                .isInState(TdiState.ERROR);
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("lockedOrRun")
    @Must("TDISP-32")
    void aConventionalResetUnlocksEveryTdi(Sut sut, int fn, TdiState state) {
        PciFunction function = sut.connect().function(fn);
        TdiDriver.enter(sut, function, state);

        inject(sut, Capability.EVENT_CONVENTIONAL_RESET, new DeviceEvent.ConventionalReset(function.dsm()));

        assertThat(sut, function).as("after a conventional reset in " + state).isInState(TdiState.CONFIG_UNLOCKED);
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("lockedOrRun")
    @Must("TDISP-33")
    void aPowerStateLossMovesToError(Sut sut, int fn, TdiState state) {
        PciFunction function = sut.connect().function(fn);
        TdiDriver.enter(sut, function, state);

        inject(sut, Capability.EVENT_POWER_STATE_LOSS, new DeviceEvent.PowerStateLoss(function.address()));

        assertThat(sut, function).as("after a power transition losing state in " + state)
                .isInState(TdiState.ERROR);
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("lockedOrRun")
    @Must("TDISP-34")
    void aPoisonedTlpMovesToError(Sut sut, int fn, TdiState state) {
        PciFunction function = sut.connect().function(fn);
        TdiDriver.enter(sut, function, state);

        inject(sut, Capability.EVENT_POISONED_TLP, new DeviceEvent.PoisonedTlp(function.address()));

        assertThat(sut, function).as("after a poisoned TLP in " + state).isInState(TdiState.ERROR);
    }
}
