package io.tsmtck.tck.host.spi;

import io.tsmtck.api.Extension;
import io.tsmtck.api.errno.Result;
import io.tsmtck.tck.binding.ImplementationFailure;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.util.Optional;

/**
 * Stands between the kit and the implementation: every SPI object the kit gets is wrapped, so
 * that each call is counted and known while it runs (a hung test names the call it hangs in), an
 * exception thrown by the implementation is reported as that, with its class, the SPI method and
 * the top of its stack, and a null where the SPI promises a value is named as the contract breach
 * it is instead of surfacing as a NullPointerException inside kit code.
 */
public final class SpiGuard {

    private static final String API_PACKAGE = "io.tsmtck.api.";

    private SpiGuard() {
    }

    /** {@code target} behind a guard that records into {@code calls}. */
    public static <T> T wrap(Class<T> type, T target, SpiCalls calls) {
        if (target == null || Proxy.isProxyClass(target.getClass())
                && Proxy.getInvocationHandler(target) instanceof Handler) {
            return target;
        }
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new Handler(type, target, calls));
        return type.cast(proxy);
    }

    /** The implementation's object behind a guarded one, for handing it back to the implementation. */
    static Object unwrap(Object value) {
        if (value != null && Proxy.isProxyClass(value.getClass())
                && Proxy.getInvocationHandler(value) instanceof Handler handler) {
            return handler.target;
        }
        if (value instanceof Optional<?> optional && optional.isPresent()) {
            return Optional.of(unwrap(optional.get()));
        }
        return value;
    }

    private static boolean guarded(Class<?> type) {
        return type.isInterface() && type.getName().startsWith(API_PACKAGE) && !type.isSealed();
    }

    private static final class Handler implements InvocationHandler {
        private final Class<?> type;
        private final Object target;
        private final SpiCalls calls;

        Handler(Class<?> type, Object target, SpiCalls calls) {
            this.type = type;
            this.target = target;
            this.calls = calls;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args);
            }
            Object[] unwrapped = args == null ? null : new Object[args.length];
            for (int i = 0; args != null && i < args.length; i++) {
                unwrapped[i] = unwrap(args[i]);
            }
            String call = SpiCalls.describe(type, method, args);
            Extension extension = method.getAnnotation(Extension.class);
            if (extension != null) {
                SpiCalls.requireNamed(extension.value(), call);
            }
            Object value;
            calls.enter(call);
            try {
                value = method.invoke(target, unwrapped);
            } catch (InvocationTargetException e) {
                throw ImplementationFailure.threw(call, e.getCause());
            } finally {
                calls.leave(call);
            }
            if (value == null && method.getReturnType() != void.class) {
                throw ImplementationFailure.returnedNull(type.getSimpleName() + "." + method.getName(), call,
                        method.getGenericReturnType().getTypeName());
            }
            Object wrapped = wrapResult(value, method);
            if (wrapped instanceof Result<?> result) {
                calls.gave(result, call);
            }
            calls.opened(wrapped);
            return wrapped;
        }

        private Object wrapResult(Object value, Method method) {
            Class<?> returned = method.getReturnType();
            if (guarded(returned)) {
                return wrapAs(returned, value);
            }
            if (value instanceof Result.Ok<?> ok && ok.value() != null) {
                Object inner = ok.value();
                Class<?> innerType = innerType(method, inner);
                return innerType == null ? value : Result.ok(wrapAs(innerType, inner));
            }
            if (value instanceof Optional<?> optional && optional.isPresent()) {
                Class<?> innerType = innerType(method, optional.get());
                return innerType == null ? value : Optional.of(wrapAs(innerType, optional.get()));
            }
            return value;
        }

        private Object wrapAs(Class<?> as, Object value) {
            @SuppressWarnings("unchecked")
            Class<Object> type = (Class<Object>) as;
            return wrap(type, value, calls);
        }

        /**
         * The SPI interface to guard {@code inner} as: the type argument the method declares
         * ({@code Optional<TsmFunctionOps>}), else the first guarded interface it implements.
         */
        private static Class<?> innerType(Method method, Object inner) {
            if (method.getGenericReturnType() instanceof ParameterizedType declared
                    && declared.getActualTypeArguments().length == 1
                    && declared.getActualTypeArguments()[0] instanceof Class<?> argument && guarded(argument)
                    && argument.isInstance(inner)) {
                return argument;
            }
            return apiInterfaceOf(inner);
        }

        /** The SPI interface {@code value} implements, if it implements one the guard wraps. */
        private static Class<?> apiInterfaceOf(Object value) {
            for (Class<?> c = value.getClass(); c != null; c = c.getSuperclass()) {
                for (Class<?> candidate : c.getInterfaces()) {
                    if (guarded(candidate)) {
                        return candidate;
                    }
                }
            }
            return null;
        }

        private Object objectMethod(Object proxy, Method method, Object[] args) {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0] || target.equals(unwrap(args[0]));
                case "hashCode":
                    return target.hashCode();
                default:
                    return target.toString();
            }
        }
    }
}
