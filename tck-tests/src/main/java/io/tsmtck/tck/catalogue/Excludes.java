package io.tsmtck.tck.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * The published exclude list ({@code excludes.txt} beside this class): test methods that do not
 * run, each with its reason. It always holds the canary, a test that always fails, so that a broken
 * exclusion shows up as a failure.
 */
public final class Excludes {

    /** The resource the list is read from. */
    public static final String RESOURCE = "excludes.txt";

    private static final Map<String, String> EXCLUDED = load();

    private Excludes() {
    }

    private static Map<String, String> load() {
        Map<String, String> excluded = new LinkedHashMap<>();
        try (InputStream in = Excludes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the kit's jar");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            lines.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
                String[] parts = line.split("\\s+", 2);
                excluded.put(parts[0], parts.length > 1 ? parts[1] : "");
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return Map.copyOf(excluded);
    }

    /** Every excluded test, "class#method" to reason. */
    public static Map<String, String> all() {
        return EXCLUDED;
    }

    /** Why {@code method} is excluded, if it is. */
    public static Optional<String> reason(Method method) {
        return Optional.ofNullable(EXCLUDED.get(method.getDeclaringClass().getName() + "#" + method.getName()));
    }

    /** A launcher filter that leaves the excluded tests out. */
    public static PostDiscoveryFilter filter() {
        return descriptor -> descriptor.getSource().filter(MethodSource.class::isInstance)
                .map(MethodSource.class::cast)
                .flatMap(source -> reason(source.getJavaMethod()))
                .map(reason -> FilterResult.excluded("on the exclude list: " + reason))
                .orElseGet(() -> FilterResult.included("not on the exclude list"));
    }
}
