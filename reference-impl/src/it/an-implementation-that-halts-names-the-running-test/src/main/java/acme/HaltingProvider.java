package acme;

import io.tsmtck.api.Capabilities;
import io.tsmtck.api.HostStack;
import io.tsmtck.api.StackRequest;
import io.tsmtck.api.TsmStackProvider;
import io.tsmtck.emu.ReferenceStackProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/** The correct reference, except that HostStack.kvm() halts the JVM with status 0: no hook runs, no report. */
public final class HaltingProvider implements TsmStackProvider {

    private final ReferenceStackProvider reference = new ReferenceStackProvider();

    @Override
    public String name() {
        return "reference whose kvm() calls Runtime.halt(0)";
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
                        Runtime.getRuntime().halt(0);
                    }
                    try {
                        return method.invoke(stack, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
