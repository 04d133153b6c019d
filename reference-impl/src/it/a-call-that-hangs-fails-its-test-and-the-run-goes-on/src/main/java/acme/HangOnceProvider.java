package acme;

import acme.wrap.Hang;
import acme.wrap.ReferenceWrapper;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;

/** The correct reference, except that the first HostStack.kvm() of the run never returns and ignores interrupts. */
public final class HangOnceProvider extends ReferenceWrapper {

    private static final AtomicBoolean HUNG = new AtomicBoolean();

    @Override
    public String name() {
        return "reference whose first kvm() hangs";
    }

    @Override
    protected Object intercept(Method method, Proceed proceed) throws Throwable {
        if (method.getName().equals("kvm") && HUNG.compareAndSet(false, true)) {
            Hang.forever();
        }
        return proceed.call();
    }
}
