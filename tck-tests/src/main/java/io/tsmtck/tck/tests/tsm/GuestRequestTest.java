package io.tsmtck.tck.tests.tsm;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;
import static io.tsmtck.tck.assertions.KitAssertions.assertThatLink;

import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tsm.GuestRequestScope;
import io.tsmtck.api.vfio.ConfigRegister;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.host.Assignment;
import io.tsmtck.tck.host.Cases;
import io.tsmtck.tck.host.HostSut;
import io.tsmtck.tck.host.Suts;
import io.tsmtck.tck.setup.Setup;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Guest requests and what the core shows while a TDI is bound. */
@Tag("area-tsm")
class GuestRequestTest {

    static Stream<Arguments> scopesAboveStateChange() {
        return Cases.profilesWith(List.of(GuestRequestScope.DEBUG_READ, GuestRequestScope.DEBUG_WRITE,
                new GuestRequestScope(4), new GuestRequestScope(0xFFFF_FFFFL)));
    }

    static Stream<Arguments> boundStates() {
        return Cases.profilesWith(List.of(TdiState.CONFIG_LOCKED, TdiState.RUN, TdiState.ERROR));
    }

    @ParameterizedTest(name = "{0}, scope {1}")
    @MethodSource("scopesAboveStateChange")
    @Must("TSM-15")
    void aScopeAboveStateChangeIsInvalid(HostSut sut, GuestRequestScope scope) {
        Assignment assignment = sut.assign(sut.pf0()).bound();

        assertThat(assignment.guest(scope, HeaderOnlyMessage.getState(assignment.header())))
                .as("guest request with scope %d", scope.value()).isRefusedWith(Errno.EINVAL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("TSM-16")
    void aRequestForAnUnboundTdiIsNoSuchDevice(HostSut sut) {
        Assignment assignment = sut.assign(sut.pf0());

        assertThat(assignment.guest(GuestRequestScope.INFO, HeaderOnlyMessage.getState(assignment.header())))
                .as("INFO request before bind").isRefusedWith(Errno.ENXIO);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("boundStates")
    @Must("TSM-17")
    void boundNamesTheTsmInEveryBoundState(HostSut sut, TdiState state) {
        Assignment assignment = sut.assign(sut.pf0()).bound();
        if (state == TdiState.RUN) {
            Setup.require(assignment.guestStart(), "guest start");
        }
        if (state == TdiState.ERROR) {
            // BME cleared, MSE kept: a stack that unbinds before memory decode goes off (Xu Yilun's RFC "Do TSM
            // Unbind before zapping bars") still leaves the TDI bound, in ERROR
            Setup.require(assignment.vfio().config().write(ConfigRegister.COMMAND, ConfigRegister.COMMAND_MEMORY_SPACE),
                    "clear Bus Master Enable, keeping memory decode");
        }

        assertThatLink("tsm/bound of " + sut.pf0().address() + " in " + state,
                sut.stack().tsm().boundTsm(sut.pf0().address())).namesTsm(sut.tsmName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("TSM-18")
    void theGuestsStateChangeRequestStartsTheInterface(HostSut sut) {
        Assignment assignment = sut.assign(sut.pf0()).bound();

        assertThat(assignment.guestStart()).as("STATE_CHANGE START from the guest").succeeded();
        assertThat(sut, sut.pf0()).isInState(TdiState.RUN);
    }
}
