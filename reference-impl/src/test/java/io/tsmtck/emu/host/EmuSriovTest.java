package io.tsmtck.emu.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.StackRequest;
import io.tsmtck.api.VendorProfile;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.pci.PciSriov;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.api.tsm.TsmContextState;
import io.tsmtck.emu.EmuHostStack;
import io.tsmtck.emu.faults.FaultPlan;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The emulated sriov_numvfs follows sriov_numvfs_store(): the errnos, and what the TSM core sees. */
class EmuSriovTest {

    private static final TopologyRequest TWO_VFS = new TopologyRequest(1, 1, 2, List.of(4096L));

    private static EmuHostStack stack() {
        return new EmuHostStack(new StackRequest(VendorProfile.GENERIC_LINK, TWO_VFS, 3), FaultPlan.NONE, 0);
    }

    private static Optional<Errno> errno(Result<?> result) {
        return result.refusalErrno();
    }

    @Test
    void countsAreCheckedAsTheKernelChecksThem() {
        try (EmuHostStack stack = stack()) {
            PciSriov sriov = stack.sriov().orElseThrow();
            PciAddress pf0 = stack.topology().dsms().get(0).address();
            List<PciAddress> vfs = sriov.enabledVfs(pf0);
            assertThat(vfs).hasSize(2);

            assertThat(errno(sriov.setNumVfs(pf0, 3))).as("above TotalVFs").contains(Errno.ERANGE);
            assertThat(errno(sriov.setNumVfs(pf0, 1))).as("another nonzero count while enabled").contains(Errno.EBUSY);
            assertThat(errno(sriov.setNumVfs(pf0, 2))).as("the current count").isEmpty();
            assertThat(errno(sriov.setNumVfs(vfs.get(0), 0))).as("a VF has no sriov_numvfs").contains(Errno.ENOENT);

            assertThat(errno(sriov.setNumVfs(pf0, 0))).isEmpty();
            assertThat(sriov.enabledVfs(pf0)).isEmpty();
            assertThat(errno(stack.vfio().open(vfs.get(0)))).as("open of a disabled VF").isPresent();
            assertThat(errno(sriov.setNumVfs(pf0, 1))).isEmpty();
            assertThat(sriov.enabledVfs(pf0)).containsExactly(vfs.get(0));
        }
    }

    @Test
    void aDisabledVfLosesItsContextAndAnEnabledOneIsProbedUnderAConnectedDsm() {
        try (EmuHostStack stack = stack()) {
            PciSriov sriov = stack.sriov().orElseThrow();
            PciAddress pf0 = stack.topology().dsms().get(0).address();
            List<PciAddress> vfs = sriov.enabledVfs(pf0);
            assertThat(stack.tsm().connect(pf0, "tsm0").isOk()).isTrue();
            assertThat(stack.tsm().state(vfs.get(1))).isEqualTo(TsmContextState.CONNECTED);

            sriov.setNumVfs(pf0, 0);
            assertThat(stack.tsm().state(vfs.get(1))).isEqualTo(TsmContextState.NONE);
            assertThat(stack.tsm().connectedTsm(pf0)).contains("tsm0");

            sriov.setNumVfs(pf0, 2);
            assertThat(vfs).allSatisfy(vf -> assertThat(stack.tsm().state(vf)).isEqualTo(TsmContextState.CONNECTED));
        }
    }
}
