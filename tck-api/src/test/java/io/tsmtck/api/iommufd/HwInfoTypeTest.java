package io.tsmtck.api.iommufd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** IOMMU_GET_HW_INFO's numbering is not IOMMU_VIOMMU_ALLOC's: the mainline mapping between them. */
class HwInfoTypeTest {

    @Test
    void mainlineMapsTheArmIommusAndNothingElse() {
        assertThat(HwInfoType.ARM_SMMUV3.mainlineViommuType()).contains(ViommuType.ARM_SMMUV3);
        assertThat(HwInfoType.ARM_SMMUV3.value()).as("hw info 2").isNotEqualTo(ViommuType.ARM_SMMUV3.value());
        assertThat(HwInfoType.TEGRA241_CMDQV.mainlineViommuType()).contains(ViommuType.TEGRA241_CMDQV);
        assertThat(HwInfoType.INTEL_VTD.mainlineViommuType()).as("Intel VT-d: no vIOMMU type").isEmpty();
        assertThat(HwInfoType.AMD.mainlineViommuType()).as("AMD: posted, not mainline").isEmpty();
        assertThat(HwInfoType.NONE.mainlineViommuType()).isEmpty();
        assertThat(new HwInfoType(0xE0).mainlineViommuType()).isEqualTo(Optional.empty());
    }

    @Test
    void theTypeIsNamedWithItsNumber() {
        assertThat(HwInfoType.INTEL_VTD).hasToString("INTEL_VTD (1)");
        assertThat(new HwInfoType(9)).hasToString("type 9 (9)");
    }
}
