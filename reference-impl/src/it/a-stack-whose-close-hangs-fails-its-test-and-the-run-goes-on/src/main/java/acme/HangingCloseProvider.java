package acme;

import acme.wrap.ReferenceWrapper;
import java.lang.reflect.Method;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The correct reference, except that the first two HostStack.close() calls of the run never return
 * and ignore interrupts. The kit closes a test's stack after the timed test body, so an unbounded
 * close would stall the run.
 */
public final class HangingCloseProvider extends ReferenceWrapper {

    private static final AtomicInteger HUNG = new AtomicInteger();
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    @Override
    public String name() {
        return "reference whose first two close() calls hang";
    }

    @Override
    protected Object intercept(Method method, Proceed proceed) throws Throwable {
        if (method.getName().equals("close") && HUNG.getAndIncrement() < 2) {
            while (true) {
                try {
                    NEVER.await();
                } catch (InterruptedException e) {
                    // ignores interrupts, as a stuck release would
                }
            }
        }
        return proceed.call();
    }
}
