package acme;

import io.tsmtck.api.Capabilities;
import io.tsmtck.api.HostStack;
import io.tsmtck.api.StackRequest;
import io.tsmtck.api.TsmStackProvider;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.emu.ReferenceStackProvider;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;

/**
 * Where a vendor starts: every SPI call refused with ENOSYS (or the empty answer), only the
 * topology real. The kit must say what to implement first.
 */
public final class SkeletonProvider implements TsmStackProvider {

    private final ReferenceStackProvider reference = new ReferenceStackProvider();

    @Override
    public String name() {
        return "ACME skeleton (everything ENOSYS)";
    }

    @Override
    public Capabilities capabilities() {
        return reference.capabilities();
    }

    @Override
    public HostStack create(StackRequest request) {
        HostStack real = reference.create(request);
        return skeleton(HostStack.class, real);
    }

    private static <T> T skeleton(Class<T> type, HostStack real) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Class<?> returns = method.getReturnType();
            switch (method.getName()) {
                case "topology":
                    return real.topology();
                case "request":
                    return real.request();
                case "toString":
                    return "skeleton " + type.getSimpleName();
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    break;
            }
            if (returns == Result.class) {
                return Result.refused(Errno.ENOSYS, "not implemented yet");
            }
            if (returns.isInterface() && returns.getName().startsWith("io.tsmtck.api.")) {
                return skeleton(returns, real);
            }
            if (returns == Optional.class) {
                return Optional.empty();
            }
            if (returns == List.class) {
                return List.of();
            }
            if (returns == int.class || returns == long.class) {
                return returns == int.class ? (Object) 0 : (Object) 0L;
            }
            if (returns == boolean.class) {
                return false;
            }
            if (returns.isEnum()) {
                return returns.getEnumConstants()[0];
            }
            return null;
        }));
    }
}
