package io.tsmtck.tck.support;

import io.tsmtck.api.TsmStackProvider;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The implementation under test: the one {@link TsmStackProvider} on the classpath.
 *
 * <p>Looked up on first use and kept for the JVM's life (it never changes afterwards); a failed
 * look-up is tried again, and fails with the same explanation, at every call.
 */
public final class Implementation {

    private static TsmStackProvider provider;

    private Implementation() {
    }

    /**
     * The provider.
     *
     * @throws IllegalStateException saying what to do, if there is none or more than one
     */
    public static synchronized TsmStackProvider provider() {
        if (provider == null) {
            provider = load(Implementation.class.getClassLoader());
        }
        return provider;
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
