package io.tsmtck.tck.runner;

import io.tsmtck.api.Capabilities.Latency;
import java.time.Duration;

/**
 * The default per-test and run timeouts, grown with the latency a provider declares: a
 * kernel-backed stack whose calls take tens of milliseconds still finishes. What the kit asks of
 * an implementation is a measured figure of this kit version (the reference implementation's
 * certification; {@code SameSeedTest} checks the figures still hold). A timeout the user sets is
 * used as it is.
 */
public final class Timeouts {

    /** SPI calls of a whole run, at most (the reference implementation: 28,000 to 30,300). */
    public static final long RUN_SPI_CALLS = 33_000;
    /** Stacks built in a whole run, at most (the reference implementation: about 1,300). */
    public static final long RUN_STACKS = 1_400;
    /** SPI calls of one test, at most (the reference implementation: 201). */
    public static final long TEST_SPI_CALLS = 400;
    /** Stacks built by one test, at most. */
    public static final long TEST_STACKS = 3;

    /** The default per-test timeout when nothing is declared. */
    public static final Duration TEST = Duration.ofSeconds(60);
    /** The default run timeout when nothing is declared. */
    public static final Duration RUN = Duration.ofSeconds(900);

    /** Headroom over the expected time. */
    private static final int HEADROOM = 3;

    private Timeouts() {
    }

    /** The per-test timeout for a provider of {@code latency}. */
    public static Duration test(Latency latency) {
        return max(TEST, expected(latency, TEST_SPI_CALLS, TEST_STACKS).multipliedBy(HEADROOM));
    }

    /** The run timeout for a provider of {@code latency}. */
    public static Duration run(Latency latency) {
        return max(RUN, expected(latency, RUN_SPI_CALLS, RUN_STACKS).multipliedBy(HEADROOM));
    }

    private static Duration expected(Latency latency, long calls, long stacks) {
        return latency.call().multipliedBy(calls).plus(latency.stackSetup().multipliedBy(stacks));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
