package io.tsmtck.api.wire;

import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The seed of the randomised codec tests: {@code -Dtsm-tck.seed=N} (or {@code TSM_TCK_SEED}) to
 * replay a run; printed by every test that uses it.
 */
public final class TestSeed {

    private static final long DEFAULT_SEED = 0x20250120L;
    private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();

    private TestSeed() {
    }

    /** The configured seed. */
    public static long value() {
        String configured = System.getProperty("tsm-tck.seed", System.getenv("TSM_TCK_SEED"));
        return configured == null ? DEFAULT_SEED : Long.decode(configured);
    }

    /** A random source for {@code purpose}; the seed is announced once per JVM on standard output. */
    public static Random random(String purpose) {
        long seed = value();
        if (ANNOUNCED.compareAndSet(false, true)) {
            System.out.printf("codec tests: seed %d (replay with -Dtsm-tck.seed=%d)%n", seed, seed);
        }
        return new Random(seed ^ purpose.hashCode());
    }
}
