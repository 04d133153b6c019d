package io.tsmtck.tck.tests.tsm;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;
import static io.tsmtck.tck.assertions.KitAssertions.assertThatLink;

import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.tsm.TsmCore;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.host.Assignment;
import io.tsmtck.tck.host.FailNthSweep;
import io.tsmtck.tck.host.HostSut;
import io.tsmtck.tck.host.Suts;
import io.tsmtck.tck.setup.Setup;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A connect or bind that fails part-way, at each point where fail-nth can make it fail
 * (drivers/pci/tsm.c pci_tsm_connect() and pci_tsm_bind(); the sweep of iommufd_fail_nth.c).
 */
@Tag("area-tsm")
class FailedPartWayTest {

    static Stream<HostSut> withSubfunctions() {
        return Suts.everyProfile(Suts.WITH_SUBFUNCTIONS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withSubfunctions")
    @Must("TSM-28")
    void aConnectFailingPartWayChangesNothingAndARetryConnects(HostSut sut) {
        FailNthSweep sweep = FailNthSweep.on(sut);
        TsmCore tsm = sut.stack().tsm();
        PciAddress dsm = sut.dsm().address();
        List<String> before = TsmAttributes.of(sut);

        sweep.sweep("connect of " + dsm + " to " + sut.tsmName(),
                () -> tsm.connect(dsm, sut.tsmName()),
                n -> {
                    assertThat("tsm/ attributes of every function and " + sut.dsm().hostBridge() + "'s secure streams"
                            + " after the connect failed at fail-nth " + n, TsmAttributes.of(sut)).is(before);
                    assertThat(tsm.connect(dsm, sut.tsmName())).as("connect retried after it failed at fail-nth %d",
                            n).succeeded();
                    disconnect(sut, n);
                },
                n -> disconnect(sut, n));
    }

    private static void disconnect(HostSut sut, long n) {
        Setup.require(sut.stack().tsm().disconnect(sut.dsm().address(), sut.tsmName()),
                "disconnect after the connect run with fail-nth " + n);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("TSM-29")
    void aBindFailingPartWayLeavesNoTdiAndARetryBinds(HostSut sut) {
        FailNthSweep sweep = FailNthSweep.on(sut);
        Assignment assignment = sut.assign(sut.pf0());
        PciAddress function = sut.pf0().address();

        sweep.sweep("bind of " + function + " (the vdevice's TSM op BIND)", assignment::bind,
                n -> {
                    assertThatLink("tsm/bound of " + function + " after the bind failed at fail-nth " + n,
                            sut.stack().tsm().boundTsm(function)).namesNoTsm();
                    assertThat(sut, sut.pf0()).as("after the bind failed at fail-nth %d", n)
                            .isInState(TdiState.CONFIG_UNLOCKED);
                    assertThat(assignment.bind()).as("bind retried after it failed at fail-nth %d", n).succeeded();
                    assertThat(sut, sut.pf0()).as("after the bind retried (fail-nth %d)", n)
                            .isInState(TdiState.CONFIG_LOCKED);
                    unbind(assignment, n);
                },
                n -> unbind(assignment, n));
    }

    static void unbind(Assignment assignment, long n) {
        Setup.require(assignment.unbind(), "unbind after the bind run with fail-nth " + n);
    }
}
