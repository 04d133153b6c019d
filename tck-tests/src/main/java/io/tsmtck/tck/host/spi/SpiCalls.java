package io.tsmtck.tck.host.spi;

import io.tsmtck.api.HostStack;
import io.tsmtck.api.UapiExtension;
import io.tsmtck.api.errno.Result;
import io.tsmtck.tck.binding.HungCalls;
import io.tsmtck.tck.binding.ImplementationFailure;
import io.tsmtck.tck.binding.RuleContext;
import io.tsmtck.tck.setup.Setup;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** How many refusals are remembered with the call that gave them. */
    private static final int REFUSALS_KEPT = 32;

    /**
     * SPI methods that only observe (getters, sysfs reads, the TDI probe, a CPU access through an
     * mmap); every other call may change device state.
     */
    private static final Set<String> OBSERVERS = Set.of("tsm", "vfio", "kvm", "tdiProbe", "functionOps", "hotplug", "topology",
            "request", "ideStreams", "tsmDevices", "dsmOf", "lifecycle", "state", "connectedTsm", "boundTsm",
            "availableSecureStreams", "read", "regions",
            "address", "id", "type", "isAlive", "isClosed", "isMapped", "access", "deviceId", "size", "offset",
            "length", "region", "config", "hwInfoType", "viommuType");

    private final AtomicLong count = new AtomicLong();
    private final AtomicLong actions = new AtomicLong();
    private final List<String> running = new ArrayList<>();
    private final Deque<Map.Entry<Result<?>, String>> refusals = new ArrayDeque<>();
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    /**
     * A call to an interface beyond mainline ({@code @Extension}) from a test whose rule does not name
     * {@code extension} in its {@code uapi}: a defect of the kit (the rule would run on a stack that
     * lacks the interface), never the implementation's.
     */
    static void requireNamed(UapiExtension extension, String call) {
        RuleContext.current().map(RuleContext::rule).filter(rule -> !rule.uapi().contains(extension))
                .ifPresent(rule -> {
                    throw new IllegalStateException("kit defect: a test of " + rule.id() + " calls " + call + ", which"
                            + " is " + extension.label() + " (" + extension.source() + "), not mainline; the rule must"
                            + " name " + extension.name() + " in its uapi, so that a stack without it is not asked");
                });
    }

    /**
     * Counts and tracks {@code call}; a call that hung in the run {@value HungCalls#BLOCK_AFTER} times
     * already ends the test NOT_TESTED at once, blocked by it ({@link HungCalls}).
     */
    void enter(String call) {
        RuleContext.current().flatMap(context -> context.hungCalls().blocked(call)).ifPresent(why -> {
            throw Setup.failed(call, "not made: " + why + ", and a call that hung twice is not made again in the run");
        });
        count.incrementAndGet();
        String method = call.substring(call.indexOf('.') + 1, call.indexOf('('));
        if (!OBSERVERS.contains(method)) {
            actions.incrementAndGet();
        }
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

    /**
     * Remembers what a call handed out that the test would have to close (a device, an iommufd, a
     * VM, a dma-buf, an mmap), inside a Result or Optional too, so that a stack can be reset.
     */
    void opened(Object value) {
        Object handle = value instanceof Result.Ok<?> ok ? ok.value()
                : value instanceof Optional<?> optional ? optional.orElse(null) : value;
        if (handle instanceof AutoCloseable closeable && !(handle instanceof HostStack)) {
            synchronized (opened) {
                opened.addFirst(closeable);
            }
        }
    }

    /** What calls handed out to be closed, newest first. */
    public List<AutoCloseable> opened() {
        synchronized (opened) {
            return List.copyOf(opened);
        }
    }

    /** Remembers that {@code call} gave {@code refusal} (a result, refused or not). */
    void gave(Result<?> refusal, String call) {
        synchronized (refusals) {
            refusals.addFirst(Map.entry(refusal, call));
            if (refusals.size() > REFUSALS_KEPT) {
                refusals.removeLast();
            }
        }
    }

    /** The call that gave this very result (the same object), if it was one of the last ones. */
    public Optional<String> origin(Result<?> refusal) {
        synchronized (refusals) {
            return refusals.stream().filter(entry -> entry.getKey() == refusal).map(Map.Entry::getValue).findFirst();
        }
    }

    private volatile boolean created;

    /** Marks that this stack was built for the test (not reused). */
    public void markCreated() {
        created = true;
    }

    /** Whether this stack was built for the test. */
    public boolean created() {
        return created;
    }

    /** SPI calls made so far. */
    public long count() {
        return count.get();
    }

    /** SPI calls made so far that may have changed state (all but the observers). */
    public long actions() {
        return actions.get();
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
