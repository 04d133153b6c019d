package io.tsmtck.tck.support;

import io.tsmtck.api.TsmStackProvider;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The implementation under test: the one {@link TsmStackProvider} on the classpath.
 *
 * <p>Looked up once per JVM; immutable afterwards.
 */
public final class Implementation {

    private static final class Holder {
        private static final TsmStackProvider PROVIDER = load(Implementation.class.getClassLoader());
    }

    private Implementation() {
    }

    /** The provider. */
    public static TsmStackProvider provider() {
        return Holder.PROVIDER;
    }

    /**
     * Finds exactly one provider.
     *
     * @throws IllegalStateException with what to do, if there is none or more than one
     */
    public static TsmStackProvider load(ClassLoader loader) {
        List<TsmStackProvider> found = ServiceLoader.load(TsmStackProvider.class, loader).stream()
                .map(ServiceLoader.Provider::get).collect(Collectors.toList());
        if (found.isEmpty()) {
            throw new IllegalStateException("No io.tsmtck.api.TsmStackProvider on the classpath. Add the jar of your "
                    + "implementation, with its class named in META-INF/services/io.tsmtck.api.TsmStackProvider.");
        }
        if (found.size() > 1) {
            throw new IllegalStateException("More than one io.tsmtck.api.TsmStackProvider on the classpath: "
                    + found.stream().map(p -> p.getClass().getName()).collect(Collectors.joining(", "))
                    + ". Keep exactly one implementation on the kit's classpath.");
        }
        return found.get(0);
    }
}
