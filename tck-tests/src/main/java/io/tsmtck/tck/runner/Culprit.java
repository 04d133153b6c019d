package io.tsmtck.tck.runner;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Who threw an exception that reached the runner outside any test: the kit (a kit bug, never to
 * be blamed on the implementation) or the implementation (named by its class and method).
 */
final class Culprit {

    private static final String[] KIT_PACKAGES = {"io.tsmtck.tck.", "io.tsmtck.api."};
    private static final String[] PLATFORM_PACKAGES = {"java.", "javax.", "jdk.", "sun.", "com.sun.",
        "org.junit.", "org.opentest4j.", "com.fasterxml."};

    private Culprit() {
    }

    /** The reason line for {@code thrown}: who threw it, what and where. */
    static String of(Throwable thrown) {
        Optional<StackTraceElement> frame = Stream.of(thrown.getStackTrace())
                .filter(f -> !startsWithAny(f.getClassName(), PLATFORM_PACKAGES)).findFirst();
        String where = frame.map(f -> " at " + f).orElse("");
        if (frame.isPresent() && !startsWithAny(frame.get().getClassName(), KIT_PACKAGES)) {
            return "the implementation threw " + thrown + where + " before or between the tests. Check "
                    + frame.get().getClassName() + "." + frame.get().getMethodName() + ".";
        }
        return "the kit itself failed with " + thrown + where + ". This is a kit bug, not the implementation's:"
                + " report it with this line and the run's seed.";
    }

    private static boolean startsWithAny(String name, String[] prefixes) {
        return Stream.of(prefixes).anyMatch(name::startsWith);
    }
}
