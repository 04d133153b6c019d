package io.tsmtck.tck.tests.security;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.dmabuf.DmaBuf;
import io.tsmtck.api.tdisp.StartInterfaceRequest;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tsm.GuestRequestScope;
import io.tsmtck.api.vfio.DmaBufRequest;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.binding.Should;
import io.tsmtck.tck.host.Assignment;
import io.tsmtck.tck.host.HostSut;
import io.tsmtck.tck.host.Suts;
import io.tsmtck.tck.setup.Setup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
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

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("SEC-02")
    void anInfoRequestCannotStartTheInterface(HostSut sut) {
        Assignment a = sut.assign(sut.pf0()).bound();

        a.guest(GuestRequestScope.INFO, new StartInterfaceRequest(a.header(), ByteString.zeros(32)));

        assertThat(sut, sut.pf0()).as("after a START sent with scope INFO").isInState(TdiState.CONFIG_LOCKED);
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
