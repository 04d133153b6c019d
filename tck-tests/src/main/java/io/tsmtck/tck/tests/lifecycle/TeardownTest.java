package io.tsmtck.tck.tests.lifecycle;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tsm.TsmContextState;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.host.Assignment;
import io.tsmtck.tck.host.HostSut;
import io.tsmtck.tck.host.Suts;
import io.tsmtck.tck.setup.Setup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whole lifecycles: closing the fds restores the device, and a TDI can be bound again. */
@Tag("area-lifecycle")
class TeardownTest {

    private static Assignment running(HostSut sut) {
        Assignment a = sut.assign(sut.pf0()).bound();
        Setup.require(a.guestStart(), "guest start");
        return a;
    }

    private static void assertRestored(HostSut sut, String how) {
        assertThat(sut, sut.pf0()).as(how).isInState(TdiState.CONFIG_UNLOCKED);
        assertThat("context state " + how, sut.stack().tsm().state(sut.pf0().address()))
                .is(TsmContextState.CONNECTED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("LIFE-01")
    void closingVfioThenIommufdThenVmRestoresTheDevice(HostSut sut) {
        Assignment a = running(sut);

        a.vfio().close();
        a.iommufd().close();
        a.vm().close();

        assertRestored(sut, "after closing VFIO, iommufd, VM");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("LIFE-02")
    void closingIommufdThenVfioThenVmRestoresTheDevice(HostSut sut) {
        Assignment a = running(sut);

        a.iommufd().close();
        a.vfio().close();
        a.vm().close();

        assertRestored(sut, "after closing iommufd, VFIO, VM");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("LIFE-03")
    void aTdiCanBeBoundStartedAndUnboundTwice(HostSut sut) {
        Assignment a = running(sut);
        Setup.require(a.unbind(), "first unbind");

        assertThat(a.bind()).as("second bind").succeeded();
        assertThat(sut, sut.pf0()).as("after the second bind").isInState(TdiState.CONFIG_LOCKED);
        assertThat(a.guestStart()).as("second guest start").succeeded();
        assertThat(sut, sut.pf0()).as("after the second guest start").isInState(TdiState.RUN);
    }
}
