package acme;

import acme.wrap.ReferenceWrapper;
import java.lang.reflect.Method;

/** The correct reference, except that HostStack.kvm() halts the JVM with status 0: no hook runs, no report. */
public final class HaltingProvider extends ReferenceWrapper {

    @Override
    public String name() {
        return "reference whose kvm() calls Runtime.halt(0)";
    }

    @Override
    protected Object intercept(Method method, Proceed proceed) throws Throwable {
        if (method.getName().equals("kvm")) {
            Runtime.getRuntime().halt(0);
        }
        return proceed.call();
    }
}
