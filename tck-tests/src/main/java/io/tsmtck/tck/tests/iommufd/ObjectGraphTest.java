package io.tsmtck.tck.tests.iommufd;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.iommufd.Iommufd;
import io.tsmtck.api.iommufd.ObjectId;
import io.tsmtck.api.iommufd.ViommuType;
import io.tsmtck.api.vm.VmId;
import io.tsmtck.tck.binding.Applicability;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.host.Assignment;
import io.tsmtck.tck.host.Cases;
import io.tsmtck.tck.host.HostSut;
import io.tsmtck.tck.host.Suts;
import io.tsmtck.tck.host.ViommuTypes;
import io.tsmtck.tck.setup.Setup;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The iommufd object graph: dependencies, uniqueness, tombstones, the vIOMMU's VM. */
@Tag("area-iommufd")
class ObjectGraphTest {

    /** More allocations than the objects of an assignment, so the lowest free ids are all handed out. */
    private static final int TOMBSTONE_PROBES = 8;

    static Stream<HostSut> withSubfunctions() {
        return Suts.everyProfile(Suts.WITH_SUBFUNCTIONS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("IOMMUFD-01")
    void aViommuWithAVdeviceIsBusy(HostSut sut) {
        Assignment a = sut.assign(sut.pf0());

        assertThat(a.iommufd().destroy(a.viommu())).as("destroy the vIOMMU under a vdevice").isRefusedWith(Errno.EBUSY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("IOMMUFD-02")
    void aHwptUnderAViommuIsBusy(HostSut sut) {
        Assignment a = sut.assign(sut.pf0());

        assertThat(a.iommufd().destroy(a.hwpt())).as("destroy the HWPT under a vIOMMU").isRefusedWith(Errno.EBUSY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("IOMMUFD-20")
    void eachObjectIsDestroyedOnlyAfterWhatIsBuiltOnIt(HostSut sut) {
        Assignment a = sut.assign(sut.pf0());
        Iommufd iommufd = a.iommufd();
        // top first: each object holds the one after it
        List<String> names = List.of("vdevice", "vIOMMU", "HWPT", "IOAS");
        List<ObjectId> chain = List.of(a.vdevice(), a.viommu(), a.hwpt(), a.ioas());

        for (int top = 0; top < chain.size(); top++) {
            for (int below = top + 1; below < chain.size(); below++) {
                assertThat(iommufd.destroy(chain.get(below))).as("destroy the %s while the %s is built on it",
                        names.get(below), names.get(below - 1)).isRefusedWith(Errno.EBUSY);
            }
            assertThat(iommufd.destroy(chain.get(top))).as("destroy the %s, nothing built on it any more",
                    names.get(top)).succeeded();
            assertThat(iommufd.destroy(chain.get(top))).as("destroy the %s a second time", names.get(top))
                    .isRefusedWith(Errno.ENOENT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withSubfunctions")
    @Must("IOMMUFD-03")
    void aDuplicateVirtIdIsExists(HostSut sut) {
        Applicability.requireSubfunctions(sut);
        Assignment a = sut.assign(sut.pf0());
        ObjectId device = sut.bind(sut.openCdev(sut.function(1)), a.iommufd(), sut.function(1)).deviceId();

        assertThat(a.iommufd().allocVdevice(a.viommu(), device, Assignment.VIRT_ID))
                .as("a second device with virt_id 0x%x", Assignment.VIRT_ID).isRefusedWith(Errno.EEXIST);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("IOMMUFD-04")
    void aSecondVdeviceForOneDeviceIsExists(HostSut sut) {
        Assignment a = sut.assign(sut.pf0());

        assertThat(a.iommufd().allocVdevice(a.viommu(), a.device(), Assignment.VIRT_ID + 8))
                .as("a second vdevice for the device").isRefusedWith(Errno.EEXIST);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("IOMMUFD-05")
    void aViommuOnAPlainHwptIsInvalid(HostSut sut) {
        Assignment a = sut.assign(sut.pf0());
        Iommufd iommufd = a.iommufd();
        ObjectId ioas = Setup.require(iommufd.allocIoas(), "IOMMU_IOAS_ALLOC");
        ObjectId plain = Setup.require(iommufd.allocHwpt(a.device(), ioas, 0), "a HWPT without NEST_PARENT");
        ViommuType type = ViommuTypes.of(iommufd, a.device());

        assertThat(iommufd.allocViommu(a.device(), plain, type, 0)).isRefusedWith(Errno.EINVAL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("IOMMUFD-06")
    void aDefaultTypeViommuIsNotSupported(HostSut sut) {
        Assignment a = sut.assign(sut.pf0());

        assertThat(a.iommufd().allocViommu(a.device(), a.hwpt(), ViommuType.DEFAULT, 0))
                .isRefusedWith(Errno.EOPNOTSUPP);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("IOMMUFD-07")
    void viommuFlagsAreNotSupported(HostSut sut) {
        Assignment a = sut.assign(sut.pf0());
        ViommuType type = ViommuTypes.of(a.iommufd(), a.device());
        // one fault at a time: the device gets no second vdevice, only a wrong vIOMMU id
        Setup.require(a.iommufd().destroy(a.vdevice()), "IOMMU_DESTROY of the (unbound) vdevice");

        assertThat(a.iommufd().allocViommu(a.device(), a.hwpt(), type, 1)).isRefusedWith(Errno.EOPNOTSUPP);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("IOMMUFD-08")
    void theViommuKeepsTheVmAlive(HostSut sut) {
        Assignment a = sut.assign(sut.pf0());
        VmId vm = a.vm().id();

        a.vm().close();
        a.vfio().close();

        assertThat(sut, vm).as("with its fd and the VFIO device closed, the vIOMMU alive").isAlive();
    }

    /** How the test closes the bound VFIO device: one fd on Linux, two handles in the SPI. */
    enum Close {
        DEVICE, CDEV
    }

    static Stream<Arguments> bothCloses() {
        return Cases.profilesWith(List.of(Close.values()));
    }

    @ParameterizedTest(name = "{0}, closed through the {1}")
    @MethodSource("bothCloses")
    @Must("IOMMUFD-09")
    void theVdeviceOfAClosedDeviceIsATombstone(HostSut sut, Close close) {
        Assignment a = sut.assign(sut.pf0());

        if (close == Close.DEVICE) {
            a.vfio().close();
        } else {
            a.cdev().close();
        }

        assertThat(a.iommufd().destroy(a.vdevice())).as("destroy the vdevice of a device closed through its %s",
                close).isRefusedWith(Errno.ENOENT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("IOMMUFD-10")
    void aTombstonedVdeviceIdIsNotGivenOut(HostSut sut) {
        Assignment a = sut.assign(sut.pf0());
        a.vfio().close();
        List<ObjectId> allocated = new ArrayList<>();

        for (int i = 0; i < TOMBSTONE_PROBES; i++) {
            allocated.add(Setup.require(a.iommufd().allocIoas(), "IOMMU_IOAS_ALLOC " + (i + 1)));
        }

        assertThat("ids of " + TOMBSTONE_PROBES + " IOAS allocated after vdevice " + a.vdevice().value()
                + " became a tombstone", allocated).satisfies(ids -> !ids.contains(a.vdevice()),
                "none is the tombstone's id " + a.vdevice().value());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("IOMMUFD-19")
    void destroyingAnIdWithNoObjectIsNoEntry(HostSut sut) {
        try (Iommufd iommufd = sut.stack().openIommufd()) {
            ObjectId ioas = Setup.require(iommufd.allocIoas(), "IOMMU_IOAS_ALLOC");
            Setup.require(iommufd.destroy(ioas), "IOMMU_DESTROY of IOAS " + ioas.value());

            assertThat(iommufd.destroy(new ObjectId(0))).as("IOMMU_DESTROY of id 0").isRefusedWith(Errno.ENOENT);
            assertThat(iommufd.destroy(ioas)).as("IOMMU_DESTROY of IOAS %d a second time", ioas.value())
                    .isRefusedWith(Errno.ENOENT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("IOMMUFD-19")
    void anIdOfAnotherTypeIsNoEntry(HostSut sut) {
        Assignment a = sut.assign(sut.pf0());
        ViommuType type = ViommuTypes.of(a.iommufd(), a.device());

        assertThat(a.iommufd().allocViommu(a.device(), a.viommu(), type, 0))
                .as("IOMMU_VIOMMU_ALLOC naming vIOMMU %d as its HWPT", a.viommu().value())
                .isRefusedWith(Errno.ENOENT);
        assertThat(a.iommufd().allocVdevice(a.hwpt(), a.device(), Assignment.VIRT_ID))
                .as("IOMMU_VDEVICE_ALLOC naming HWPT %d as its vIOMMU", a.hwpt().value())
                .isRefusedWith(Errno.ENOENT);
    }
}
