package io.tsmtck.tck.tests.tsm;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;
import static io.tsmtck.tck.assertions.KitAssertions.assertThatLink;

import io.tsmtck.api.Capability;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.tsm.TsmContextState;
import io.tsmtck.api.tsm.TsmCore;
import io.tsmtck.api.tsm.TsmFunctionOps;
import io.tsmtck.api.vm.Vm;
import io.tsmtck.api.vm.VmType;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.host.Assignment;
import io.tsmtck.tck.host.Cases;
import io.tsmtck.tck.host.HostSut;
import io.tsmtck.tck.host.Suts;
import io.tsmtck.tck.setup.Setup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The core's bind and unbind contract ({@code pci_tsm_bind()}, {@code pci_tsm_unbind()}): through
 * the vdevice where the uAPI reaches it, through the {@code FUNCTION_TSM_OPS} hook for the refusals
 * only a direct call can produce.
 */
@Tag("area-tsm")
class BindTest {

    private static TsmFunctionOps ops(HostSut sut) {
        return sut.hook(Capability.FUNCTION_TSM_OPS, stack -> stack.tsm().functionOps());
    }

    private static Vm newVm(HostSut sut) {
        return Setup.require(sut.stack().kvm().createVm(VmType.CONFIDENTIAL), "KVM_CREATE_VM");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("TSM-09")
    void bindWithoutAVmIsInvalid(HostSut sut) {
        PciFunction pf0 = sut.connect().pf0();

        assertThat(ops(sut).bind(pf0.address(), Optional.empty(), Assignment.VIRT_ID))
                .as("bind without a VM").isRefusedWith(Errno.EINVAL);
        assertThat(sut, pf0).isInState(TdiState.CONFIG_UNLOCKED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("TSM-10")
    void bindWithoutConnectIsInvalid(HostSut sut) {
        PciFunction pf0 = sut.pf0();

        assertThat(ops(sut).bind(pf0.address(), Optional.of(newVm(sut)), Assignment.VIRT_ID))
                .as("bind of a function that is not connected").isRefusedWith(Errno.EINVAL);
    }

    /** The states a bound TDI is in when the kit binds it again: as the bind left it, or started by the guest. */
    static Stream<Arguments> boundStates() {
        return Cases.profilesWith(List.of(TdiState.CONFIG_LOCKED, TdiState.RUN));
    }

    @ParameterizedTest(name = "{0}, TDI in {1}")
    @MethodSource("boundStates")
    @Must("TSM-11")
    void bindingAgainToTheSameVmSucceedsAndLeavesTheTdiAsItWas(HostSut sut, TdiState state) {
        Assignment assignment = boundIn(sut, state);

        assertThat(ops(sut).bind(sut.pf0().address(), Optional.of(assignment.vm()), Assignment.VIRT_ID))
                .as("second bind to the same VM, the TDI in %s", state).succeeded();
        // from RUN, a TSM called again (STOP and LOCK again) would leave CONFIG_LOCKED
        assertThat(sut, sut.pf0()).as("after the second bind to the same VM").isInState(state);
        assertThatLink("tsm/bound of " + sut.pf0().address() + " after the second bind",
                sut.stack().tsm().boundTsm(sut.pf0().address())).namesTsm(sut.tsmName());
    }

    @ParameterizedTest(name = "{0}, TDI in {1}")
    @MethodSource("boundStates")
    @Must("TSM-12")
    void bindingToAnotherVmIsBusyAndChangesNothing(HostSut sut, TdiState state) {
        boundIn(sut, state);

        assertThat(ops(sut).bind(sut.pf0().address(), Optional.of(newVm(sut)), Assignment.VIRT_ID))
                .as("bind to a second VM, the TDI in %s for the first", state).isRefusedWith(Errno.EBUSY);
        assertThat(sut, sut.pf0()).as("after the refused bind to a second VM").isInState(state);
        assertThatLink("tsm/bound of " + sut.pf0().address() + " after the refused bind to a second VM",
                sut.stack().tsm().boundTsm(sut.pf0().address())).namesTsm(sut.tsmName());
    }

    /** PF0 bound to a VM of its own, and started by the guest for {@code RUN}. */
    private static Assignment boundIn(HostSut sut, TdiState state) {
        Assignment assignment = sut.assign(sut.pf0()).bound();
        if (state == TdiState.RUN) {
            Setup.require(assignment.guestStart(), "guest start");
        }
        return assignment;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("TSM-13")
    void unbindUnlocksTheTdiAndLeavesTheFunctionConnected(HostSut sut) {
        Assignment assignment = sut.assign(sut.pf0()).bound();
        TsmCore tsm = sut.stack().tsm();

        assertThat(assignment.unbind()).as("IOMMU_VDEVICE_TSM_OP UNBIND").succeeded();
        assertThat(sut, sut.pf0()).as("after unbind").isInState(TdiState.CONFIG_UNLOCKED);
        assertThat("context state of " + sut.pf0().address(), tsm.state(sut.pf0().address()))
                .is(TsmContextState.CONNECTED);
        assertThatLink("tsm/bound of " + sut.pf0().address() + " after unbind",
                tsm.boundTsm(sut.pf0().address())).namesNoTsm();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("TSM-14")
    void unbindingAnUnboundFunctionSucceeds(HostSut sut) {
        sut.connect();

        assertThat(ops(sut).unbind(sut.pf0().address())).as("unbind of an unbound function").succeeded();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyProfileWithSubfunctions")
    @Must("TSM-08")
    void disconnectUnbindsEveryTdi(HostSut sut) {
        sut.assign(sut.pf0()).bound().guestStart();
        TsmCore tsm = sut.stack().tsm();
        List<PciFunction> bound = new ArrayList<>(List.of(sut.pf0()));
        for (PciFunction function : sut.dsm().functions().subList(1, sut.dsm().functions().size())) {
            if (tsm.state(function.address()) == TsmContextState.CONNECTED) {
                sut.assign(function).bound();
                bound.add(function);
            }
        }

        Setup.require(tsm.disconnect(sut.dsm().address(), sut.tsmName()), "disconnect");
        sut.connect();

        for (PciFunction function : bound) {
            assertThat(sut, function).as("%s after disconnect and reconnect", function.address())
                    .isInState(TdiState.CONFIG_UNLOCKED);
        }
    }

    /** Every profile on a device with other PFs and VFs beside PF0. */
    static Stream<HostSut> everyProfileWithSubfunctions() {
        return Suts.everyProfile(Suts.WITH_SUBFUNCTIONS);
    }
}
