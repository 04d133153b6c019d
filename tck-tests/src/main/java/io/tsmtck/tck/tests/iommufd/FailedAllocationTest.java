package io.tsmtck.tck.tests.iommufd;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.errno.Result;
import io.tsmtck.api.iommufd.HwptFlags;
import io.tsmtck.api.iommufd.Iommufd;
import io.tsmtck.api.iommufd.ObjectId;
import io.tsmtck.api.iommufd.ViommuType;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.host.Assignment;
import io.tsmtck.tck.host.FailNthSweep;
import io.tsmtck.tck.host.HostSut;
import io.tsmtck.tck.host.Suts;
import io.tsmtck.tck.host.ViommuTypes;
import io.tsmtck.tck.setup.Setup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** iommufd allocations failing part-way (the sweep of iommufd_fail_nth.c's basic_fail_nth, device). */
@Tag("area-iommufd")
class FailedAllocationTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("IOMMUFD-18")
    void aFailedAllocationTakesNoReference(HostSut sut) {
        FailNthSweep sweep = FailNthSweep.on(sut);
        Assignment a = sut.assign(sut.pf0());
        Iommufd iommufd = a.iommufd();
        Setup.require(iommufd.destroy(a.vdevice()), "IOMMU_DESTROY of the assignment's vdevice, to allocate another");
        ViommuType type = ViommuTypes.of(iommufd, a.device());
        Chain chain = new Chain(iommufd, a.device(), type);

        sweep.sweep("IOAS, HWPT, vIOMMU and vdevice allocation for device " + a.device().value(),
                chain::build, n -> chain.destroy("after the chain failed at fail-nth " + n),
                n -> chain.destroy("after the chain ran with fail-nth " + n));
    }

    /** One IOAS, nest-parent HWPT, vIOMMU and vdevice, allocated in order until one is refused. */
    private static final class Chain {
        private final Iommufd iommufd;
        private final ObjectId device;
        private final ViommuType type;
        private final List<String> names = new ArrayList<>();
        private final List<ObjectId> made = new ArrayList<>();

        Chain(Iommufd iommufd, ObjectId device, ViommuType type) {
            this.iommufd = iommufd;
            this.device = device;
            this.type = type;
        }

        Result<ObjectId> build() {
            names.clear();
            made.clear();
            return keep("IOAS", iommufd.allocIoas())
                    .flatMap(ioas -> keep("HWPT", iommufd.allocHwpt(device, ioas, HwptFlags.NEST_PARENT)))
                    .flatMap(hwpt -> keep("vIOMMU", iommufd.allocViommu(device, hwpt, type, 0)))
                    .flatMap(viommu -> keep("vdevice", iommufd.allocVdevice(viommu, device, Assignment.VIRT_ID)));
        }

        private Result<ObjectId> keep(String name, Result<ObjectId> allocated) {
            allocated.asOptional().ifPresent(id -> {
                names.add(name);
                made.add(id);
            });
            return allocated;
        }

        /** Destroys what was made, the newest first: a dependent the refused allocation left would make one EBUSY. */
        void destroy(String when) {
            for (int i = made.size() - 1; i >= 0; i--) {
                assertThat(iommufd.destroy(made.get(i))).as("IOMMU_DESTROY of the %s (id %d) %s (the chain made %s)",
                        names.get(i), made.get(i).value(), when, String.join(", ", names)).succeeded();
            }
        }
    }
}
