package io.tsmtck.tck.runner;

import io.tsmtck.api.Capabilities.Latency;
import io.tsmtck.tck.config.KitConfig;
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
    public static final Duration TEST = KitConfig.DEFAULT_TEST_TIMEOUT;
    /** The default run timeout when nothing is declared. */
    public static final Duration RUN = Duration.ofSeconds(900);

    /** The longest per-test timeout a declaration can scale to. */
    public static final Duration TEST_CAP = Duration.ofHours(1);
    /** The longest run timeout a declaration can scale to. */
    public static final Duration RUN_CAP = Duration.ofHours(24);
    /** The slowest SPI call a provider can declare. */
    public static final Duration MAX_CALL = Duration.ofSeconds(10);
    /** The slowest stack set-up a provider can declare. */
    public static final Duration MAX_STACK_SETUP = Duration.ofMinutes(10);

    /** Headroom over the expected time. */
    private static final int HEADROOM = 3;

    private Timeouts() {
    }

    /**
     * {@code latency}, if a provider may declare it; else a configuration error that says what is
     * accepted and how to run a slower platform.
     */
    public static Latency declarable(Latency latency, String provider) {
        if (latency.call().compareTo(MAX_CALL) > 0 || latency.stackSetup().compareTo(MAX_STACK_SETUP) > 0) {
            throw new IllegalStateException(provider + " declares a latency of " + latency.call().toMillis()
                    + " ms per SPI call and " + latency.stackSetup().toMillis() + " ms per stack, out of the range"
                    + " the kit accepts (at most " + MAX_CALL.toSeconds() + " s per call and "
                    + MAX_STACK_SETUP.toMinutes() + " min per stack). Declare what its platform measures; for a"
                    + " slower platform set tsm-tck.timeout.test and tsm-tck.timeout.run instead.");
        }
        return latency;
    }

    /** The per-test timeout for a provider of {@code latency}: grown with it, never past {@link #TEST_CAP}. */
    public static Duration test(Latency latency) {
        return clamp(TEST, expected(latency, TEST_SPI_CALLS, TEST_STACKS), TEST_CAP);
    }

    /** The run timeout for a provider of {@code latency}: grown with it, never past {@link #RUN_CAP}. */
    public static Duration run(Latency latency) {
        return clamp(RUN, expected(latency, RUN_SPI_CALLS, RUN_STACKS), RUN_CAP);
    }

    /** The expected time in milliseconds, saturating: no declaration overflows it. */
    private static long expected(Latency latency, long calls, long stacks) {
        long millis = saturated(millis(latency.call()), calls);
        long setup = saturated(millis(latency.stackSetup()), stacks);
        return saturated(millis > Long.MAX_VALUE - setup ? Long.MAX_VALUE : millis + setup, HEADROOM);
    }

    private static long millis(Duration duration) {
        return duration.getSeconds() >= Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : duration.toMillis();
    }

    private static long saturated(long a, long b) {
        return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
    }

    private static Duration clamp(Duration floor, long millis, Duration cap) {
        return millis >= cap.toMillis() ? cap : max(floor, Duration.ofMillis(millis));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
