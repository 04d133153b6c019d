package io.tsmtck.tck.setup;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.tck.config.KitConfig;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a test's steps on two threads in turn, so that a step that returns with a lock still held,
 * or leaves state tied to its thread, makes the next step (on the other thread) hang or fail; the
 * hang is named, with the step before it: every step must return within the "happen" timeout
 * ({@link KitConfig#timeoutHappen()}).
 *
 * <p>Lifecycle: one per test; {@link #close()} ends both threads. A step that hung keeps its
 * thread (a daemon), which is abandoned with the test.
 */
public final class TwoThreads implements AutoCloseable {

    private final ExecutorService[] threads = {worker("tsm-tck-thread-a"), worker("tsm-tck-thread-b")};
    private int next;
    private String previous = "none (the first step)";

    private static ExecutorService worker(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code step} on the thread whose turn it is and returns its value. */
    public <T> T run(String name, Supplier<T> step) {
        int thread = next;
        next = 1 - next;
        String where = name + " on thread " + (char) ('a' + thread) + ", after " + previous;
        Future<T> future = threads[thread].submit(step::get);
        Duration timeout = KitConfig.timeoutHappen();
        try {
            T value = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            previous = name + " on thread " + (char) ('a' + thread);
            return value;
        } catch (TimeoutException e) {
            assertThat(where, "still running after " + timeout.toMillis() + " ms")
                    .is("returned within " + timeout.toMillis() + " ms (" + KitConfig.TIMEOUT_HAPPEN + ")");
            throw new IllegalStateException("unreachable", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(where + " threw " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + where, e);
        }
    }

    /** Runs {@code step}, which returns nothing, on the thread whose turn it is. */
    public void run(String name, Runnable step) {
        run(name, () -> {
            step.run();
            return null;
        });
    }

    @Override
    public void close() {
        for (ExecutorService thread : threads) {
            thread.shutdownNow();
        }
    }
}
