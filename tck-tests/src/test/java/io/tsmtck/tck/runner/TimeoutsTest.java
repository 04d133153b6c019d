package io.tsmtck.tck.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsmtck.api.Capabilities.Latency;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Default timeouts grow with a declared latency and never shrink below the defaults. */
class TimeoutsTest {

    @Test
    void nothingDeclaredKeepsTheDefaults() {
        assertThat(Timeouts.test(Latency.NONE)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Timeouts.run(Latency.NONE)).isEqualTo(Duration.ofSeconds(900));
    }

    @Test
    void aKernelLikeLatencyGrowsTheRunTimeoutWithTheCallsAndStacksOfARun() {
        Latency slow = new Latency(Duration.ofMillis(20), Duration.ofSeconds(1));

        // 3 x (33,000 calls x 20 ms + 1,400 stacks x 1 s) = 3 x 2,060 s
        assertThat(Timeouts.run(slow)).isEqualTo(Duration.ofSeconds(6_180));
        // 3 x (400 x 20 ms + 3 x 1 s) = 33 s, below the default
        assertThat(Timeouts.test(slow)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aVerySlowCallGrowsThePerTestTimeoutToo() {
        assertThat(Timeouts.test(new Latency(Duration.ofMillis(100), Duration.ZERO)))
                .isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void noDeclarationScalesPastTheCapsNorOverflows() {
        Latency hour = new Latency(Duration.ofHours(1), Duration.ofHours(1));
        Latency huge = new Latency(Duration.ofSeconds(Long.MAX_VALUE / 2), Duration.ofSeconds(Long.MAX_VALUE / 2));

        assertThat(List.of(Timeouts.test(hour), Timeouts.run(hour), Timeouts.test(huge), Timeouts.run(huge)))
                .containsExactly(Timeouts.TEST_CAP, Timeouts.RUN_CAP, Timeouts.TEST_CAP, Timeouts.RUN_CAP);
    }

    @Test
    void aDeclarationOutOfRangeIsAConfigurationErrorSayingWhatIsAccepted() {
        assertThatThrownBy(() -> Timeouts.declarable(new Latency(Duration.ofHours(1), Duration.ZERO), "acme.Provider"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("acme.Provider declares a latency of 3600000 ms per SPI call and 0 ms per stack, out of"
                        + " the range the kit accepts (at most 10 s per call and 10 min per stack). Declare what its"
                        + " platform measures; for a slower platform set tsm-tck.timeout.test and tsm-tck.timeout.run"
                        + " instead.");
        assertThatThrownBy(() -> Timeouts.declarable(new Latency(Duration.ZERO, Duration.ofMinutes(11)), "p"))
                .isInstanceOf(IllegalStateException.class);
        Latency edge = new Latency(Timeouts.MAX_CALL, Timeouts.MAX_STACK_SETUP);
        assertThat(Timeouts.declarable(edge, "p")).isSameAs(edge);
    }

    @Test
    void aNegativeLatencyIsRefused() {
        assertThatThrownBy(() -> new Latency(Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not negative");
    }
}
