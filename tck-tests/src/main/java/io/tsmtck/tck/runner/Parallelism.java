package io.tsmtck.tck.runner;

import io.tsmtck.api.TsmStackProvider;
import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.device.DeviceSource;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * How many tests run at once ({@value KitConfig#PARALLELISM}). The SPI promises stacks that are
 * isolated and safe to use from several threads, so the host kit runs tests on their own stacks
 * concurrently (JUnit Jupiter's parallel execution): as many as the machine has cores for an
 * in-memory stack, and more for one that declares a call latency, whose tests mostly wait on the
 * kernel. One at a time for a fixed inventory and for a device kit run against one real device (a
 * device serves one test at a time). Tests that read the whole process (its threads and files) are
 * {@code @Isolated}.
 */
final class Parallelism {

    /** Tests at once for a provider that declares a call latency, unless the machine has more cores. */
    static final int WAITING_STACKS = 8;

    private Parallelism() {
    }

    /** Tests at once for the host kit on {@code provider}. */
    static int host(TsmStackProvider provider) {
        return KitConfig.parallelism().orElseGet(() -> {
            if (!provider.inventory().isEmpty()) {
                return 1;
            }
            int cores = Runtime.getRuntime().availableProcessors();
            boolean waits = !provider.capabilities().latency().call().isZero();
            return waits ? Math.max(WAITING_STACKS, cores) : cores;
        });
    }

    /**
     * Tests at once for the device kit: as many as the machine has cores when every test gets a fresh
     * device of its own (a DeviceProvider), one when the tests share one device (a socket, a DOE
     * mailbox).
     */
    static int device(DeviceSource source) {
        return KitConfig.parallelism().orElseGet(() -> source.fresh() ? Runtime.getRuntime().availableProcessors() : 1);
    }

    /** Configures {@code request} to run {@code parallelism} tests at once (sequentially for 1). */
    static void configure(LauncherDiscoveryRequestBuilder request, int parallelism) {
        if (parallelism <= 1) {
            return;
        }
        String threads = Integer.toString(parallelism);
        request.configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", threads)
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.max-pool-size", threads);
    }
}
