package io.tsmtck.tck.tests.iommufd;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;
import static io.tsmtck.tck.assertions.KitAssertions.assertThatLink;

import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.iommufd.TsmOpType;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tsm.GuestRequest;
import io.tsmtck.api.tsm.GuestRequestScope;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.binding.Should;
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

/** TSM operations on the vdevice: IOMMU_VDEVICE_TSM_OP and IOMMU_VDEVICE_TSM_REQ (posted iommufd series). */
@Tag("area-iommufd")
class TsmOperationsTest {

    static Stream<Arguments> unknownTypes() {
        return Cases.profilesWith(List.of(0L, 3L, 0xFFL, 0xFFFF_FFFFL));
    }

    static Stream<Arguments> operations() {
        return Cases.profilesWith(List.of(TsmOpType.BIND, TsmOpType.UNBIND));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("operations")
    @Must("IOMMUFD-11")
    void flagsAreNotSupported(HostSut sut, TsmOpType type) {
        Assignment a = sut.assign(sut.pf0());

        assertThat(a.iommufd().tsmOp(a.vdevice(), type, 1)).as("TSM op %d with flags 1", type.value())
                .isRefusedWith(Errno.EOPNOTSUPP);
        assertThat(sut, sut.pf0()).isInState(TdiState.CONFIG_UNLOCKED);
    }

    @ParameterizedTest(name = "{0}, type {1}")
    @MethodSource("unknownTypes")
    @Must("IOMMUFD-12")
    void anUnknownOperationIsInvalid(HostSut sut, long type) {
        Assignment a = sut.assign(sut.pf0());

        assertThat(a.iommufd().tsmOp(a.vdevice(), new TsmOpType(type), 0)).as("TSM op type %d", type)
                .isRefusedWith(Errno.EINVAL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("IOMMUFD-13")
    void bindThroughAViommuWithoutVmIsNoSuchDevice(HostSut sut) {
        Assignment a = sut.assign(sut.pf0(), Optional.empty());

        assertThat(a.bind()).as("bind through a vIOMMU allocated without a VM").isRefusedWith(Errno.ENODEV);
        assertThat(sut, sut.pf0()).isInState(TdiState.CONFIG_UNLOCKED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("IOMMUFD-14")
    void destroyingABoundVdeviceUnbinds(HostSut sut) {
        Assignment a = sut.assign(sut.pf0()).bound();

        Setup.require(a.iommufd().destroy(a.vdevice()), "IOMMU_DESTROY of the vdevice");

        assertThat(sut, sut.pf0()).as("after destroying the vdevice").isInState(TdiState.CONFIG_UNLOCKED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("IOMMUFD-15")
    void closingTheIommufdUnbindsNothingWhileItsDeviceIsOpen(HostSut sut) {
        Assignment a = sut.assign(sut.pf0()).bound();

        a.iommufd().close();

        assertThat(sut, sut.pf0()).as("after closing the iommufd, the VFIO device still open")
                .isInState(TdiState.CONFIG_LOCKED);
        assertThatLink("tsm/bound of " + sut.pf0().address() + " after closing the iommufd, the VFIO device still open",
                sut.stack().tsm().boundTsm(sut.pf0().address())).namesTsm(sut.tsmName());

        a.vfio().close();

        assertThat(sut, sut.pf0()).as("after closing the VFIO device too").isInState(TdiState.CONFIG_UNLOCKED);
        assertThatLink("tsm/bound of " + sut.pf0().address() + " after closing the VFIO device too",
                sut.stack().tsm().boundTsm(sut.pf0().address())).namesNoTsm();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Should("IOMMUFD-16")
    void aRequestWithReservedSetIsNotSupported(HostSut sut) {
        Assignment a = sut.assign(sut.pf0()).bound();
        GuestRequest read = new GuestRequest(GuestRequestScope.INFO, HeaderOnlyMessage.getState(a.header()).encode());

        assertThat(a.iommufd().tsmRequest(a.vdevice(), read, 1)).isRefusedWith(Errno.EOPNOTSUPP);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("IOMMUFD-17")
    void unbindThroughTheVdeviceUnlocks(HostSut sut) {
        Assignment a = sut.assign(sut.pf0()).bound();

        assertThat(a.unbind()).succeeded();
        assertThat(sut, sut.pf0()).as("after TSM op UNBIND").isInState(TdiState.CONFIG_UNLOCKED);
    }
}
