package io.tsmtck.tck.tests.spdm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How long SPDM-22 leaves a session silent: twice the period and a margin of a quarter period, 1 s at least. */
class HeartbeatSilenceTest {

    @ParameterizedTest(name = "HeartbeatPeriod {0} s: {1} ms")
    @CsvSource({"1, 3000", "2, 5000", "4, 9000", "8, 18000", "60, 135000", "240, 540000", "255, 573750"})
    void twiceThePeriodAndAMargin(int periodSeconds, long expectedMillis) {
        assertThat(HeartbeatTest.silence(Duration.ofSeconds(periodSeconds)).toMillis())
                .as("silence for HeartbeatPeriod %d s", periodSeconds).isEqualTo(expectedMillis);
    }
}
