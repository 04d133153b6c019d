package io.tsmtck.tck.host;

import io.tsmtck.api.TsmStackProvider;
import io.tsmtck.tck.config.KitConfig;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The implementation under test: the one {@link TsmStackProvider} on the classpath.
 *
 * <p>Several providers may be on the classpath (a vendor's provider that wraps the reference
 * implementation brings both); {@value #PROVIDER} then names the one to test.
 *
 * <p>Looked up on first use and kept for the JVM's life (it never changes afterwards); a failed
 * look-up is tried again, and fails with the same explanation, at every call.
 */
public final class Implementation {

    /** Setting naming the provider class to use when the classpath has several. */
    public static final String PROVIDER = "tsm-tck.provider";

    private static TsmStackProvider provider;

    private Implementation() {
    }

    /**
     * The provider: the one on the classpath, or the one {@value #PROVIDER} names.
     *
     * @throws IllegalStateException saying what to do, if there is none, more than one, or not the named one
     */
    public static synchronized TsmStackProvider provider() {
        if (provider == null) {
            provider = load(Implementation.class.getClassLoader(), KitConfig.value(PROVIDER));
        }
        return provider;
    }

    /**
     * Finds exactly one provider, or the one of class {@code chosen} among several; only the
     * provider used is instantiated.
     *
     * @throws IllegalStateException with what to do, if there is none, more than one, or not the chosen one
     */
    public static TsmStackProvider load(ClassLoader loader, Optional<String> chosen) {
        List<ServiceLoader.Provider<TsmStackProvider>> found = ServiceLoader.load(TsmStackProvider.class, loader)
                .stream().collect(Collectors.toList());
        String names = found.stream().map(p -> p.type().getName()).collect(Collectors.joining(", "));
        if (chosen.isPresent()) {
            return found.stream().filter(p -> p.type().getName().equals(chosen.get())).findFirst()
                    .map(ServiceLoader.Provider::get)
                    .orElseThrow(() -> new IllegalStateException(PROVIDER + " names " + chosen.get() + ", which is not "
                            + "a io.tsmtck.api.TsmStackProvider listed in META-INF/services on the classpath (found: "
                            + (names.isEmpty() ? "none" : names) + "). Name one of those, or list your class."));
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("No io.tsmtck.api.TsmStackProvider on the classpath. Add the jar of your "
                    + "implementation, with its class named in META-INF/services/io.tsmtck.api.TsmStackProvider.");
        }
        if (found.size() > 1) {
            throw new IllegalStateException("More than one io.tsmtck.api.TsmStackProvider on the classpath: " + names
                    + ". Keep exactly one implementation on the kit's classpath, or choose one with " + PROVIDER
                    + "=<class> (a provider that wraps another, such as the reference implementation, needs this).");
        }
        return found.get(0).get();
    }

    /** {@link #load(ClassLoader, Optional)} without a chosen provider. */
    public static TsmStackProvider load(ClassLoader loader) {
        return load(loader, Optional.empty());
    }
}
