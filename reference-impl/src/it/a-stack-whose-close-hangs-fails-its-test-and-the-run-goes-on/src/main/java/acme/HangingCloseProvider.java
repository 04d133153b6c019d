package acme;

import acme.wrap.Hang;
import acme.wrap.ReferenceWrapper;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The correct reference, except that the first two HostStack.close() calls of the run never return
 * and ignore interrupts. The kit closes a test's stack after the timed test body, so an unbounded
 * close would stall the run.
 */
public final class HangingCloseProvider extends ReferenceWrapper {

    private static final AtomicInteger HUNG = new AtomicInteger();

    @Override
    public String name() {
        return "reference whose first two close() calls hang";
    }

    @Override
    protected Object intercept(Method method, Proceed proceed) throws Throwable {
        if (method.getName().equals("close") && HUNG.getAndIncrement() < 2) {
            Hang.forever();
        }
        return proceed.call();
    }
}
