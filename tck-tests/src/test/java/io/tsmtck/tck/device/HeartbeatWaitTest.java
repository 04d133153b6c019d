package io.tsmtck.tck.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsmtck.tck.config.KitConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentest4j.TestAbortedException;

/** How long SPDM-22 leaves a session silent: twice the period and a margin of a quarter period, 1 s at least. */
class HeartbeatWaitTest {

    @ParameterizedTest(name = "HeartbeatPeriod {0} s: {1} ms")
    @CsvSource({"1, 3000", "2, 5000", "4, 9000", "8, 18000", "60, 135000", "240, 540000", "255, 573750"})
    void twiceThePeriodAndAMargin(int periodSeconds, long expectedMillis) {
        assertThat(HeartbeatWait.silence(Duration.ofSeconds(periodSeconds)).toMillis())
                .as("silence for HeartbeatPeriod %d s", periodSeconds).isEqualTo(expectedMillis);
    }

    @Test
    void aWaitPastTheBudgetIsNotTestedAndSaysWhatToSet() {
        System.setProperty(KitConfig.TIMEOUT_HEARTBEAT, "4999");
        try {
            assertThatThrownBy(() -> HeartbeatWait.requireWithinBudget(Duration.ofSeconds(2), Duration.ofMillis(5000)))
                    .isInstanceOf(TestAbortedException.class).hasMessageStartingWith("blocked by: ")
                    .hasMessageContaining("HeartbeatPeriod 2 s").hasMessageContaining("(4999 ms)")
                    .hasMessageContaining("set tsm-tck.timeout.heartbeat to 5000 or more");
            assertThatCode(() -> HeartbeatWait.requireWithinBudget(Duration.ofSeconds(2), Duration.ofMillis(4999)))
                    .as("a wait of exactly the budget").doesNotThrowAnyException();
        } finally {
            System.clearProperty(KitConfig.TIMEOUT_HEARTBEAT);
        }
    }
}
