package io.tsmtck.tck.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsmtck.api.errno.Result;
import io.tsmtck.api.iommufd.HwInfoType;
import io.tsmtck.api.iommufd.Iommufd;
import io.tsmtck.api.iommufd.ObjectId;
import io.tsmtck.api.iommufd.ViommuType;
import io.tsmtck.tck.setup.SetupFailure;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * The vIOMMU type of an assignment comes from IOMMU_GET_HW_INFO through the mapping, never from the
 * hardware type's own number; an Intel VT-d host is told plainly that no assignment can follow.
 */
class ViommuTypesTest {

    /** An iommufd whose IOMMU_GET_HW_INFO reports {@code hardware}; its mapping is the SPI's default. */
    private static Iommufd reporting(HwInfoType hardware) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("hwInfoType")) {
                return Result.ok(hardware);
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            throw new UnsupportedOperationException(method.getName());
        };
        return (Iommufd) Proxy.newProxyInstance(Iommufd.class.getClassLoader(), new Class<?>[] {Iommufd.class},
                handler);
    }

    @Test
    void anArmSmmuIsAllocatedAsAnArmVsmmu() {
        assertThat(ViommuTypes.of(reporting(HwInfoType.ARM_SMMUV3), new ObjectId(3)))
                .isEqualTo(ViommuType.ARM_SMMUV3);
    }

    @Test
    void anIntelHostIsToldThatNoAssignmentCanFollow() {
        assertThatThrownBy(() -> ViommuTypes.of(reporting(HwInfoType.INTEL_VTD), new ObjectId(3)))
                .isInstanceOf(SetupFailure.Blocked.class)
                .hasMessageContaining("INTEL_VTD (1) has no vIOMMU type in mainline")
                .hasMessageContaining("IOMMU_VIOMMU_ALLOC is EOPNOTSUPP");
    }
}
