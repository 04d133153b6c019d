package io.tsmtck.tck.tests.vm;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.vm.VmId;
import io.tsmtck.api.vm.VmType;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.host.Assignment;
import io.tsmtck.tck.host.Cases;
import io.tsmtck.tck.host.HostSut;
import io.tsmtck.tck.host.Suts;
import io.tsmtck.tck.setup.Setup;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The VM handle that names the confidential VM to the secure world. */
@Tag("area-vm")
class VmTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VM-01")
    void aTdiIsNotBoundToALegacyVm(HostSut sut) {
        Assignment a = sut.assign(sut.pf0(), Optional.of(VmType.LEGACY));

        assertThat(a.bind()).as("bind to a legacy VM").isRefused();
        assertThat(sut, sut.pf0()).isInState(TdiState.CONFIG_UNLOCKED);
    }

    /** What the TDI went through before the VM's holders go: nothing, a bind and an unbind, or a bind only. */
    enum Tdi {
        NEVER_BOUND, BOUND_AND_UNBOUND, BOUND_UNTIL_THE_VFIO_DEVICE_CLOSES
    }

    static Stream<Arguments> tdiHistories() {
        return Cases.profilesWith(List.of(Tdi.values()));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("tdiHistories")
    @Must("VM-02")
    void theVmIsFreedWithItsLastHolder(HostSut sut, Tdi tdi) {
        Assignment a = sut.assign(sut.pf0());
        VmId vm = a.vm().id();
        if (tdi != Tdi.NEVER_BOUND) {
            a.bound();
        }
        if (tdi == Tdi.BOUND_AND_UNBOUND) {
            Setup.require(a.unbind(), "IOMMU_VDEVICE_TSM_OP UNBIND");
        }
        a.vm().close();
        a.vfio().close();

        Setup.require(a.iommufd().destroy(a.viommu()), "IOMMU_DESTROY of the vIOMMU");

        assertThat(sut, vm).as("after its fd, VFIO device and vIOMMU are gone (TDI " + tdi + ")").isFreed();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VM-02")
    void theVmIsFreedWhenTheIommufdClosesAfterItsDevices(HostSut sut) {
        Assignment a = sut.assign(sut.pf0());
        VmId vm = a.vm().id();
        a.vm().close();
        a.vfio().close();

        assertThat(sut, vm).as("with its fd and the VFIO device closed, the vIOMMU still allocated").isAlive();

        a.iommufd().close();

        assertThat(sut, vm).as("after its fd, the VFIO device and then the iommufd (no device bound"
                + " to it any more, so its objects, the vIOMMU among them, go at once) closed").isFreed();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VM-02")
    void theVmIsFreedWhenTheIommufdGoesWithItsLastDevice(HostSut sut) {
        Assignment a = sut.assign(sut.pf0());
        VmId vm = a.vm().id();
        a.vm().close();
        a.iommufd().close();

        assertThat(sut, vm).as("with its fd and the iommufd closed, the VFIO device still bound").isAlive();

        a.vfio().close();

        assertThat(sut, vm).as("after its fd, the iommufd and then the last VFIO device bound to it"
                + " closed (the iommufd's objects, the vIOMMU among them, go with the last device)").isFreed();
    }
}
