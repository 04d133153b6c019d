package acme;

import acme.wrap.ReferenceWrapper;
import java.lang.reflect.Method;

/**
 * The correct reference, except that HostStack.kvm() ends the JVM with status 2, the status the
 * kit itself uses for "could not run".
 */
public final class ExitingProvider extends ReferenceWrapper {

    @Override
    public String name() {
        return "reference whose kvm() calls System.exit(2)";
    }

    @Override
    protected Object intercept(Method method, Proceed proceed) throws Throwable {
        if (method.getName().equals("kvm")) {
            System.exit(2);
        }
        return proceed.call();
    }
}
