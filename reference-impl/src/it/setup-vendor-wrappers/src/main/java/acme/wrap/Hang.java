package acme.wrap;

import java.util.concurrent.CountDownLatch;

/** What a stuck ioctl does to its caller: never returns, and ignores interrupts. */
public final class Hang {

    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private Hang() {
    }

    /** Never returns. */
    public static void forever() {
        while (true) {
            try {
                NEVER.await();
            } catch (InterruptedException e) {
                // ignored, as a stuck ioctl ignores signals
            }
        }
    }
}
