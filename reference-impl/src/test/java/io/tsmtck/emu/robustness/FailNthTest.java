package io.tsmtck.emu.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.StackRequest;
import io.tsmtck.api.VendorProfile;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.emu.EmuHostStack;
import io.tsmtck.emu.faults.FaultPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The emulation's fail_nth (after tools/testing/selftests/iommu/iommufd_fail_nth.c): the n-th
 * allocation or firmware step fails, for every n the lifecycle reaches, and closing the stack then
 * frees everything.
 */
class FailNthTest {

    private static final long LIMIT = 1_000;

    @ParameterizedTest
    @EnumSource(value = VendorProfile.class, names = {"GENERIC_LINK", "AMD_SEV_TIO", "INTEL_TDX_CONNECT"})
    void failingEveryAllocationInTurnLeaksNothing(VendorProfile profile) {
        List<String> leaks = new ArrayList<>();
        long n = 1;
        for (; n < LIMIT; n++) {
            EmuHostStack stack = new EmuHostStack(new StackRequest(profile, TopologyRequest.minimal(), n),
                    FaultPlan.NONE, n);
            Optional<String> refused = Lifecycle.run(stack, stack.topology().dsms().get(0).pf0(), 0x8);
            long allocations = stack.ledger().allocations();
            stack.close();
            if (!stack.ledger().live().isEmpty()) {
                leaks.add("fail_nth=" + n + " (refused at " + refused.orElse("nothing") + "): " + stack.ledger().live());
            }
            if (allocations < n) {
                break; // the whole lifecycle ran without reaching allocation n
            }
            assertThat(refused).as("fail_nth=%d must make some step fail", n).isPresent();
        }
        System.out.printf("fail_nth sweep %s: %d allocation points%n", profile, n - 1);
        assertThat(n).as("the sweep ends before %d", LIMIT).isLessThan(LIMIT);
        assertThat(n).as("allocation points the lifecycle reaches").isGreaterThan(10);
        assertThat(leaks).as("resources left after closing the stack").isEmpty();
    }
}
