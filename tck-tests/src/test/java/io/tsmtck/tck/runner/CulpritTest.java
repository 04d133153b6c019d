package io.tsmtck.tck.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An exception outside any test is the kit's when the kit threw it, never blamed on the implementation. */
class CulpritTest {

    private static RuntimeException thrownAt(String... classes) {
        RuntimeException e = new ArithmeticException("long overflow");
        StackTraceElement[] frames = new StackTraceElement[classes.length];
        for (int i = 0; i < classes.length; i++) {
            frames[i] = new StackTraceElement(classes[i], "m", "F.java", i + 1);
        }
        e.setStackTrace(frames);
        return e;
    }

    @Test
    void theKitsOwnExceptionIsAKitBug() {
        assertThat(Culprit.of(thrownAt("java.lang.Math", "java.time.Duration", "io.tsmtck.tck.runner.Timeouts",
                "acme.Provider"))).startsWith("the kit itself failed with java.lang.ArithmeticException: long overflow"
                + " at io.tsmtck.tck.runner.Timeouts.m(F.java:3). This is a kit bug, not the implementation's");
    }

    @Test
    void theImplementationsExceptionNamesItsClassAndMethod() {
        assertThat(Culprit.of(thrownAt("java.util.Objects", "acme.Provider", "io.tsmtck.tck.runner.KitRunner")))
                .isEqualTo("the implementation threw java.lang.ArithmeticException: long overflow at"
                        + " acme.Provider.m(F.java:2) before or between the tests. Check acme.Provider.m.");
    }
}
