package io.tsmtck.tck.device;

import io.tsmtck.tck.config.KitConfig;
import java.time.Duration;
import org.opentest4j.TestAbortedException;

/**
 * How long the device kit leaves a session silent to see the device end it (SPDM-22): twice the
 * HeartbeatPeriod the device announced and a margin, within {@value KitConfig#TIMEOUT_HEARTBEAT}.
 */
public final class HeartbeatWait {

    private HeartbeatWait() {
    }

    /** Twice the period and a margin for the device's clock and the way there: a quarter period, 1 s at least. */
    public static Duration silence(Duration period) {
        Duration margin = period.dividedBy(4);
        return period.multipliedBy(2).plus(margin.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : margin);
    }

    /**
     * NOT_TESTED, naming the wait and the setting that allows it, when {@code silence} is longer
     * than {@value KitConfig#TIMEOUT_HEARTBEAT}.
     */
    public static void requireWithinBudget(Duration period, Duration silence) {
        Duration budget = KitConfig.timeoutHeartbeat();
        if (silence.compareTo(budget) > 0) {
            throw new TestAbortedException(String.format("blocked by: the wait this rule needs. The device announces"
                    + " HeartbeatPeriod %d s, so a session must be left %d ms without a message, longer than %s (%d"
                    + " ms). To check it, set %s to %d or more (with the plugin: -Dtsm-tck.jvmArgs=-D%s=%d, or"
                    + " the environment variable TSM_TCK_TIMEOUT_HEARTBEAT) and tsm-tck.timeout.test above it",
                    period.toSeconds(), silence.toMillis(), KitConfig.TIMEOUT_HEARTBEAT, budget.toMillis(), KitConfig.TIMEOUT_HEARTBEAT,
                    silence.toMillis(), KitConfig.TIMEOUT_HEARTBEAT, silence.toMillis()));
        }
    }
}
