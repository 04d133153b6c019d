package io.tsmtck.tck.tests.security;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.dmabuf.DmaBuf;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.StartInterfaceRequest;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tdisp.TdispMessage;
import io.tsmtck.api.tsm.GuestRequestScope;
import io.tsmtck.api.vfio.DmaBufRequest;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.binding.Should;
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

/** Security properties across layers, from the January 2025 dri-devel message. */
@Tag("area-security")
class SecurityTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Should("SEC-01")
    void bindLocksButNeverStarts(HostSut sut) {
        Assignment a = sut.assign(sut.pf0());

        Setup.require(a.bind(), "bind");

        assertThat(sut, sut.pf0()).as("after bind, before any guest request").staysInState(TdiState.CONFIG_LOCKED);
    }

    /** A request a guest sends with scope INFO, and the state its TDI is in then. */
    record InfoRequest(TdiState state, MessageType type) {
        @Override
        public String toString() {
            return type + " in " + state;
        }
    }

    /** Every state-changing request from each state the bound TDI can be in where it would change it. */
    static Stream<Arguments> stateChangingInfoRequests() {
        return Cases.profilesWith(List.of(new InfoRequest(TdiState.CONFIG_LOCKED, MessageType.START_INTERFACE_REQUEST),
                new InfoRequest(TdiState.CONFIG_LOCKED, MessageType.STOP_INTERFACE_REQUEST),
                new InfoRequest(TdiState.RUN, MessageType.STOP_INTERFACE_REQUEST)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("stateChangingInfoRequests")
    @Must("SEC-02")
    void anInfoRequestChangesNoState(HostSut sut, InfoRequest request) {
        Assignment a = sut.assign(sut.pf0()).bound();
        if (request.state() == TdiState.RUN) {
            Setup.require(a.guestStart(), "the guest's STATE_CHANGE START");
        }
        TdispMessage message = request.type() == MessageType.START_INTERFACE_REQUEST
                ? new StartInterfaceRequest(a.header(), ByteString.zeros(32))
                : new HeaderOnlyMessage(request.type(), a.header());

        a.guest(GuestRequestScope.INFO, message);

        assertThat(sut, sut.pf0()).as("after a %s sent with scope INFO", request).isInState(request.state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("SEC-03")
    void theHostCpuCannotAccessPrivateMmio(HostSut sut) {
        Assignment a = sut.assign(sut.pf0()).bound();
        DmaBuf buffer = Setup.require(a.vfio().exportDmaBuf(DmaBufRequest.of(0, 0, 4096)),
                "export private MMIO for KVM");

        assertThat(buffer.cpuAccess()).as("host CPU access to the dma-buf of a bound TDI").isRefused();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Should("SEC-04")
    void oneBindCallLeavesTheTdiLocked(HostSut sut) {
        Assignment a = sut.assign(sut.pf0());

        assertThat(a.bind()).as("the one TSM bind call").succeeded();
        assertThat(sut, sut.pf0()).as("after the one bind call").isInState(TdiState.CONFIG_LOCKED);
    }
}
