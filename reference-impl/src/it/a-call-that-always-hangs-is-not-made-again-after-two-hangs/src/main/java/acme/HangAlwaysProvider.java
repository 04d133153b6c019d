package acme;

import acme.wrap.ReferenceWrapper;
import java.lang.reflect.Method;
import java.util.concurrent.CountDownLatch;

/**
 * The correct reference, except that every HostStack.kvm() hangs and ignores interrupts: with a
 * test timeout of 2 s and about 140 tests that need a VM, a run that waited out every one would not
 * fit its run timeout.
 */
public final class HangAlwaysProvider extends ReferenceWrapper {

    private static final CountDownLatch NEVER = new CountDownLatch(1);

    @Override
    public String name() {
        return "reference whose every kvm() hangs";
    }

    @Override
    protected Object intercept(Method method, Proceed proceed) throws Throwable {
        if (method.getName().equals("kvm")) {
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
