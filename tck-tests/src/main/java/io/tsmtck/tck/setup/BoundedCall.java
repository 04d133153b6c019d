package io.tsmtck.tck.setup;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A call into the implementation made outside a timed test body (closing a stack), on a daemon
 * thread of its own so that one that hangs, and ignores interrupts, is abandoned rather than
 * stalling the kit's thread.
 */
public final class BoundedCall {

    private BoundedCall() {
    }

    /**
     * Runs {@code call} and waits at most {@code limit}; whether it returned in time. What it throws
     * is thrown here.
     */
    public static boolean run(String threadName, Duration limit, Runnable call) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                call.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, threadName);
        worker.setDaemon(true);
        worker.start();
        try {
            done.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            worker.join(limit.toMillis()); // it has finished: gone before any leak check looks
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
