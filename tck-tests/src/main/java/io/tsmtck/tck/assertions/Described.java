package io.tsmtck.tck.assertions;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Result;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A value as a failure message shows it: an SPI result as success or refusal, an {@code Optional}
 * unwrapped, and an implementation's object that does not describe itself named by the SPI
 * interface it implements, never by an object hash.
 */
final class Described {

    private static final String SPI_PACKAGE = "io.tsmtck.api.";

    private Described() {
    }

    static String of(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.map(Described::of).orElse("nothing");
        }
        if (value instanceof Result.Ok<?> ok) {
            return ok.value() instanceof Done ? "success" : "success, giving " + of(ok.value());
        }
        if (value instanceof Result.Refused<?> refused) {
            return "refused with " + refused.errno()
                    + (refused.detail().isEmpty() ? "" : " (" + refused.detail() + ")");
        }
        String text = String.valueOf(value);
        if (value != null && text.equals(value.getClass().getName() + "@" + Integer.toHexString(value.hashCode()))) {
            return "a " + spiType(value.getClass()) + " (it has no toString of its own)";
        }
        return text;
    }

    /** The SPI interface {@code type} implements, or its simple name when it implements none. */
    private static String spiType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Optional<Class<?>> spi = Stream.of(c.getInterfaces()).filter(i -> i.getName().startsWith(SPI_PACKAGE))
                    .findFirst();
            if (spi.isPresent()) {
                return spi.get().getSimpleName();
            }
        }
        return type.getSimpleName();
    }
}
