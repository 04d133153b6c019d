package acme;

import io.tsmtck.api.Capabilities;
import io.tsmtck.api.HostStack;
import io.tsmtck.api.StackRequest;
import io.tsmtck.api.TsmStackProvider;
import io.tsmtck.api.errno.Result;
import io.tsmtck.emu.ReferenceStackProvider;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The correct reference behind a kernel-like latency: every SPI call, and every stack creation,
 * takes {@code acme.delay.ms} milliseconds more (default 20), as ioctls and sysfs writes on a real
 * host do.
 */
public final class SlowProvider implements TsmStackProvider {

    private static final long DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(Long.getLong("acme.delay.ms", 20));

    private final ReferenceStackProvider reference = new ReferenceStackProvider();

    @Override
    public String name() {
        return "reference with " + TimeUnit.NANOSECONDS.toMillis(DELAY_NANOS) + " ms per call";
    }

    @Override
    public Capabilities capabilities() {
        return reference.capabilities();
    }

    @Override
    public HostStack create(StackRequest request) {
        delay();
        return slow(HostStack.class, reference.create(request));
    }

    private static void delay() {
        long end = System.nanoTime() + DELAY_NANOS;
        for (long left = DELAY_NANOS; left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** The handler of a slowed SPI object: the implementation's object, one delay per call. */
    private record Slow(Object target) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            delay();
            try {
                return wrap(method.getReturnType(), method.invoke(target, args == null ? null : unwrap(args)));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    private static <T> T slow(Class<T> type, T target) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Slow(target)));
    }

    /** The implementation's own objects, for the arguments handed back to it. */
    private static Object[] unwrap(Object[] args) {
        Object[] plain = args.clone();
        for (int i = 0; i < plain.length; i++) {
            plain[i] = plain[i] instanceof Optional<?> o && o.isPresent() ? Optional.of(unwrapOne(o.get()))
                    : unwrapOne(plain[i]);
        }
        return plain;
    }

    private static Object unwrapOne(Object value) {
        return value != null && Proxy.isProxyClass(value.getClass())
                && Proxy.getInvocationHandler(value) instanceof Slow slow ? slow.target() : value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object wrap(Class<?> declared, Object value) {
        if (value == null) {
            return null;
        }
        if (declared.isInterface() && declared.getName().startsWith("io.tsmtck.api.") && !declared.isSealed()) {
            return slow((Class) declared, value);
        }
        if (value instanceof Result.Ok<?> ok && ok.value() != null) {
            Class<?> api = apiInterface(ok.value());
            return api == null ? value : Result.ok(slow((Class) api, ok.value()));
        }
        if (value instanceof Optional<?> optional && optional.isPresent()) {
            Class<?> api = apiInterface(optional.get());
            return api == null ? value : Optional.of(slow((Class) api, optional.get()));
        }
        return value;
    }

    private static Class<?> apiInterface(Object value) {
        for (Class<?> c = value.getClass(); c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().startsWith("io.tsmtck.api.") && !i.isSealed()) {
                    return i;
                }
            }
        }
        return null;
    }
}
