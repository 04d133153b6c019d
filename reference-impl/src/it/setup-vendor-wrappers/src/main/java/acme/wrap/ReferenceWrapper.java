package acme.wrap;

import io.tsmtck.api.Capabilities;
import io.tsmtck.api.HostStack;
import io.tsmtck.api.StackRequest;
import io.tsmtck.api.TsmStackProvider;
import io.tsmtck.emu.ReferenceStackProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * What a vendor trying the kit writes first: a provider that delegates to the reference
 * implementation and changes one thing. Subclasses override {@link #capabilities()}, or
 * {@link #intercept} to change what one HostStack method does.
 */
public abstract class ReferenceWrapper implements TsmStackProvider {

    /** The reference the wrapper delegates to. */
    protected final ReferenceStackProvider reference;

    protected ReferenceWrapper(ReferenceStackProvider reference) {
        this.reference = reference;
    }

    protected ReferenceWrapper() {
        this(new ReferenceStackProvider());
    }

    @Override
    public Capabilities capabilities() {
        return reference.capabilities();
    }

    @Override
    public HostStack create(StackRequest request) {
        HostStack stack = reference.create(request);
        return (HostStack) Proxy.newProxyInstance(HostStack.class.getClassLoader(), new Class<?>[] {HostStack.class},
                (proxy, method, args) -> intercept(method, () -> {
                    try {
                        return method.invoke(stack, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

    /** What the wrapped stack does for {@code method}; {@code proceed} runs the reference's. */
    protected Object intercept(Method method, Proceed proceed) throws Throwable {
        return proceed.call();
    }

    /** The reference's own call. */
    @FunctionalInterface
    protected interface Proceed {
        Object call() throws Throwable;
    }
}
