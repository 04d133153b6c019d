package acme;

import acme.wrap.ReferenceWrapper;
import java.lang.reflect.Method;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** The correct reference, except that the first HostStack.kvm() of the run never returns and ignores interrupts. */
public final class HangOnceProvider extends ReferenceWrapper {

    private static final AtomicBoolean HUNG = new AtomicBoolean();
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    @Override
    public String name() {
        return "reference whose first kvm() hangs";
    }

    @Override
    protected Object intercept(Method method, Proceed proceed) throws Throwable {
        if (method.getName().equals("kvm") && HUNG.compareAndSet(false, true)) {
            while (true) {
                try {
                    NEVER.await();
                } catch (InterruptedException e) {
                    // ignores interrupts, as a stuck ioctl would
                }
            }
        }
        return proceed.call();
    }
}
