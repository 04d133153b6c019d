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
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.time.Duration;
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

    /** What the reference declares, and the latency its calls now have, as a kernel-backed provider declares it. */
    @Override
    public Capabilities capabilities() {
        Duration delay = Duration.ofNanos(DELAY_NANOS);
        return reference.capabilities().withLatency(new Capabilities.Latency(delay, delay));
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
                return wrap(method, method.invoke(target, args == null ? null : unwrap(args)));
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

    /** {@code value} slowed if the method returns an SPI interface, or an Optional or Result of one. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object wrap(Method method, Object value) {
        if (value == null) {
            return null;
        }
        if (isSpi(method.getReturnType())) {
            return slow((Class) method.getReturnType(), value);
        }
        Class<?> inner = method.getGenericReturnType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> c && isSpi(c) ? c : null;
        if (inner != null && value instanceof Result.Ok<?> ok && ok.value() != null) {
            return Result.ok(slow((Class) inner, ok.value()));
        }
        if (inner != null && value instanceof Optional<?> optional && optional.isPresent()) {
            return Optional.of(slow((Class) inner, optional.get()));
        }
        return value;
    }

    private static boolean isSpi(Class<?> type) {
        return type.isInterface() && type.getName().startsWith("io.tsmtck.api.") && !type.isSealed();
    }
}
