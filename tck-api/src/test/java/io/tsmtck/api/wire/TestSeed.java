package io.tsmtck.api.wire;

import java.util.Random;

/**
 * The seed of the randomised codec tests: {@code -Dtsm-tck.seed=N} (or {@code TSM_TCK_SEED}) to
 * replay a run; printed by every test that uses it.
 */
public final class TestSeed {

    private static final long DEFAULT_SEED = 0x20250120L;

    private TestSeed() {
    }

    /** The configured seed. */
    public static long value() {
        String configured = System.getProperty("tsm-tck.seed", System.getenv("TSM_TCK_SEED"));
        return configured == null ? DEFAULT_SEED : Long.decode(configured);
    }

    /** A random source for {@code purpose}, announcing the seed on standard output. */
    public static Random random(String purpose) {
        long seed = value();
        System.out.printf("%s: seed %d (replay with -Dtsm-tck.seed=%d)%n", purpose, seed, seed);
        return new Random(seed ^ purpose.hashCode());
    }
}
