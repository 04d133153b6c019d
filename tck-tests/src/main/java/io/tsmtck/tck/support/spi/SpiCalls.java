package io.tsmtck.tck.support.spi;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The SPI calls of one stack: how many were made, and which are running now (a test that hangs is
 * named by the call it hangs in). Thread-safe; one per system under test, never shared.
 */
public final class SpiCalls {

    private static final int ARGUMENT_CHARS = 48;

    private final AtomicLong count = new AtomicLong();
    private final List<String> running = new ArrayList<>();

    void enter(String call) {
        count.incrementAndGet();
        synchronized (running) {
            running.add(call);
        }
    }

    void leave(String call) {
        synchronized (running) {
            running.remove(call);
        }
    }

    /** Runs {@code call} as an SPI call named {@code name}: counted, tracked and guarded like the others. */
    public <T> T call(String name, Supplier<T> call, String promised) {
        T value;
        enter(name);
        try {
            value = call.get();
        } catch (RuntimeException | Error e) {
            throw ImplementationFailure.threw(name, e);
        } finally {
            leave(name);
        }
        if (value == null) {
            throw ImplementationFailure.returnedNull(name.substring(0, name.indexOf('(')), name, promised);
        }
        return value;
    }

    /** SPI calls made so far. */
    public long count() {
        return count.get();
    }

    /** The calls running now, oldest first. */
    public List<String> running() {
        synchronized (running) {
            return List.copyOf(running);
        }
    }

    /** "TsmCore.connect(0000:01:00.0, tsm0)", arguments shortened. */
    static String describe(Class<?> type, Method method, Object[] args) {
        String arguments = args == null ? "" : Stream.of(args).map(SpiCalls::shorten).collect(Collectors.joining(", "));
        return type.getSimpleName() + "." + method.getName() + "(" + arguments + ")";
    }

    private static String shorten(Object argument) {
        String text = String.valueOf(argument);
        return text.length() <= ARGUMENT_CHARS ? text : text.substring(0, ARGUMENT_CHARS - 3) + "...";
    }
}
