package io.tsmtck.emu;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.StackRequest;
import io.tsmtck.api.VendorProfile;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.api.tsm.TsmContextState;
import io.tsmtck.emu.faults.FaultPlan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A TDI goes UNLOCKED -> LOCKED (host bind) -> RUN (guest) -> UNLOCKED (fds closed) in every profile. */
class EndToEndTest {

    @ParameterizedTest
    @EnumSource(value = VendorProfile.class, names = {"GENERIC_LINK", "AMD_SEV_TIO", "INTEL_TDX_CONNECT"})
    void aTdiTravelsThroughItsLifecycleAndClosingTheFdsRestoresIt(VendorProfile profile) {
        try (EmuHostStack stack = new EmuHostStack(new StackRequest(profile, TopologyRequest.minimal(), 7),
                FaultPlan.NONE, 0)) {
            StackDriver driver = new StackDriver(stack, stack.topology().dsms().get(0).pf0()).assign();
            assertThat(driver.deviceState()).isEqualTo(TdiState.CONFIG_UNLOCKED);

            driver.bind().orElseThrow();
            assertThat(driver.deviceState()).isEqualTo(TdiState.CONFIG_LOCKED);
            assertThat(stack.tsm().state(driver.function.address())).isEqualTo(TsmContextState.BOUND);

            driver.guestStart().orElseThrow();
            assertThat(driver.deviceState()).isEqualTo(TdiState.RUN);

            driver.vfio.close();
            assertThat(driver.deviceState()).isEqualTo(TdiState.CONFIG_UNLOCKED);
            assertThat(stack.tsm().state(driver.function.address())).isEqualTo(TsmContextState.CONNECTED);
        }
    }
}
