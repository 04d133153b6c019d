package acme;

import io.tsmtck.api.Capabilities;
import io.tsmtck.api.HostStack;
import io.tsmtck.api.StackRequest;
import io.tsmtck.api.TsmStackProvider;
import io.tsmtck.emu.ReferenceStackProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * The correct reference, except that HostStack.kvm() ends the JVM with status 2, the status the
 * kit itself uses for "could not run".
 */
public final class ExitingProvider implements TsmStackProvider {

    private final ReferenceStackProvider reference = new ReferenceStackProvider();

    @Override
    public String name() {
        return "reference whose kvm() calls System.exit(2)";
    }

    @Override
    public Capabilities capabilities() {
        return reference.capabilities();
    }

    @Override
    public HostStack create(StackRequest request) {
        HostStack stack = reference.create(request);
        return (HostStack) Proxy.newProxyInstance(HostStack.class.getClassLoader(), new Class<?>[] {HostStack.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("kvm")) {
                        System.exit(2);
                    }
                    try {
                        return method.invoke(stack, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
