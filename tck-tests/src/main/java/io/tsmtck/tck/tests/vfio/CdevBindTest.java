package io.tsmtck.tck.tests.vfio;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.iommufd.Iommufd;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.vfio.VfioCdev;
import io.tsmtck.api.vfio.VfioDevice;
import io.tsmtck.tck.binding.Must;
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

/**
 * One owner per device: a cdev file binds once, and a second file of a bound device opens but
 * cannot bind (drivers/vfio/device_cdev.c, drivers/vfio/vfio_main.c). Each refusal is checked for
 * leaving the first owner's binding as it was, and a sibling function untouched.
 */
@Tag("area-vfio")
class CdevBindTest {

    /** Where the second bind goes: the file's own iommufd again, or another one. */
    enum Target { SAME_IOMMUFD, ANOTHER_IOMMUFD }

    static Stream<Arguments> everyFunctionAndTarget() {
        return Cases.functionsWith(Suts.WITH_SUBFUNCTIONS, List.of(Target.values()));
    }

    private static Iommufd target(HostSut sut, Iommufd first, Target target) {
        return target == Target.SAME_IOMMUFD ? first : sut.stack().openIommufd();
    }

    /** The first owner still works: its device object takes a HWPT on a new IOAS. */
    private static void stillOwned(Iommufd iommufd, VfioDevice device, String after) {
        assertThat(iommufd.allocIoas().flatMap(ioas -> iommufd.allocHwpt(device.deviceId(), ioas, 0)))
                .as("IOMMU_HWPT_ALLOC for the first file's device object %s", after).succeeded();
    }

    /** Another function of the DSM opens and binds as if nothing happened. */
    private static void siblingUntouched(HostSut sut, PciFunction function) {
        List<PciFunction> functions = sut.dsm().functions();
        PciFunction sibling = functions.get((functions.indexOf(function) + 1) % functions.size());
        if (!sibling.equals(function)) {
            assertThat(sut.openCdev(sibling).bindIommufd(sut.stack().openIommufd()))
                    .as("VFIO_DEVICE_BIND_IOMMUFD of the sibling %s", sibling.address()).succeeded();
        }
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("everyFunctionAndTarget")
    @Must("VFIO-21")
    void aBoundFileCannotBindAgain(HostSut sut, int index, Target target) {
        PciFunction function = sut.function(index);
        VfioCdev cdev = sut.openCdev(function);
        Iommufd first = sut.stack().openIommufd();
        VfioDevice device = Setup.require(cdev.bindIommufd(first), "first VFIO_DEVICE_BIND_IOMMUFD");

        assertThat(cdev.bindIommufd(target(sut, first, target)))
                .as("second VFIO_DEVICE_BIND_IOMMUFD of the same file (%s)", target).isRefusedWith(Errno.EINVAL);
        stillOwned(first, device, "after the refused second bind");
        siblingUntouched(sut, function);
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("everyFunctionAndTarget")
    @Must("VFIO-22")
    void aSecondFileOpensButCannotBindWhileTheFirstIsBound(HostSut sut, int index, Target target) {
        PciFunction function = sut.function(index);
        Iommufd first = sut.stack().openIommufd();
        VfioDevice device = Setup.require(sut.openCdev(function).bindIommufd(first), "first VFIO_DEVICE_BIND_IOMMUFD");

        assertThat(sut.stack().vfio().open(function.address())).as("a second open of %s's cdev", function.address())
                .succeeded();
        VfioCdev second = sut.openCdev(function);
        assertThat(second.bindIommufd(target(sut, first, target)))
                .as("VFIO_DEVICE_BIND_IOMMUFD of a second file (%s) while the first is bound", target)
                .isRefusedWith(Errno.EINVAL);
        stillOwned(first, device, "after the second file's refused bind");
        siblingUntouched(sut, function);

        device.close();
        assertThat(second.bindIommufd(sut.stack().openIommufd()))
                .as("the second file's bind once the first file is closed").succeeded();
    }
}
