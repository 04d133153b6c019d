package acme;

import acme.wrap.Hang;
import acme.wrap.ReferenceWrapper;
import java.lang.reflect.Method;

/**
 * The correct reference, except that every HostStack.kvm() hangs and ignores interrupts: with a
 * test timeout of 2 s and about 140 tests that need a VM, a run that waited out every one would not
 * fit its run timeout.
 */
public final class HangAlwaysProvider extends ReferenceWrapper {


    @Override
    public String name() {
        return "reference whose every kvm() hangs";
    }

    @Override
    protected Object intercept(Method method, Proceed proceed) throws Throwable {
        if (method.getName().equals("kvm")) {
            Hang.forever();
        }
        return proceed.call();
    }
}
