package io.tsmtck.tck.setup;

import io.tsmtck.tck.config.KitConfig;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waiting on conditions, never on the clock alone: {@link #until} returns as soon as the condition
 * holds (or fails after {@link KitConfig#timeoutHappen()}); {@link #holdsThroughout} watches a
 * condition for {@link KitConfig#timeoutAbsent()}.
 */
public final class Await {

    private static final long POLL_NANOS = Duration.ofMillis(2).toNanos();

    private Await() {
    }

    /** True once {@code condition} holds; false if it did not within the "happen" timeout. */
    public static boolean until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + KitConfig.timeoutHappen().toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }

    /** True if {@code condition} held at every check during the "absent" timeout. */
    public static boolean holdsThroughout(BooleanSupplier condition) {
        return holdsThroughout(condition, KitConfig.timeoutAbsent());
    }

    /**
     * True if {@code condition} holds now and at a second look, within a quarter of the "absent"
     * timeout: what a subject that declares it reacts at once is held to. A subject whose reaction
     * comes after the call returned, as hardware's does, is caught by the second look.
     */
    public static boolean holdsAtOnceAndAfter(BooleanSupplier condition) {
        return condition.getAsBoolean() && holdsThroughout(condition, KitConfig.timeoutAbsent().dividedBy(4));
    }

    /** True if {@code condition} held at every check, at least one, during {@code window}. */
    static boolean holdsThroughout(BooleanSupplier condition, Duration window) {
        long deadline = System.nanoTime() + window.toNanos();
        do {
            if (!condition.getAsBoolean()) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        } while (System.nanoTime() - deadline < 0);
        return true;
    }
}
