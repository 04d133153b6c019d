package io.tsmtck.tck.binding;

import io.tsmtck.api.errno.Result;
import io.tsmtck.tck.catalogue.Rule;
import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.host.inventory.InventoryRun;
import io.tsmtck.tck.host.spi.SpiCalls;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The rule the current test checks and the transcript of its TDISP and IDE_KM exchanges, so that
 * assertions can name the rule and failures can show what went over the wire. Set by
 * {@link RuleExtension} around each test, on the test's thread and inherited by threads it starts.
 */
public final class RuleContext {

    /** Inherited: a test that runs in a thread of its own (the per-test timeout) sees its context. */
    private static final InheritableThreadLocal<RuleContext> CURRENT = new InheritableThreadLocal<>();

    private final Rule rule;
    private final Transcript transcript = new Transcript();
    private final List<SpiCalls> stacks = new CopyOnWriteArrayList<>();
    private final AtomicLong deviceFrames = new AtomicLong();
    private final AtomicLong deviceBytes = new AtomicLong();
    private final AtomicLong deviceWaitNanos = new AtomicLong();
    private final List<String> unobserved = new CopyOnWriteArrayList<>();
    private final List<String> waiting = new CopyOnWriteArrayList<>();
    private final List<String> sessions = new CopyOnWriteArrayList<>();
    private volatile String toObserve = "";

    private final InventoryRun inventoryRun;
    private final Duration testTimeout;
    private final HungCalls hungCalls;

    private RuleContext(Rule rule, InventoryRun inventoryRun, Duration testTimeout, HungCalls hungCalls) {
        this.rule = rule;
        this.inventoryRun = inventoryRun;
        this.testTimeout = testTimeout;
        this.hungCalls = hungCalls;
    }

    static void enter(Rule rule, InventoryRun inventoryRun, Duration testTimeout, HungCalls hungCalls) {
        CURRENT.set(new RuleContext(rule, inventoryRun, testTimeout, hungCalls));
    }

    /**
     * The running thread works for a test of {@code rule} from now ({@link RuleExtension} enters it for every
     * test; a unit test of the kit's subjects enters one to see what they record).
     */
    public static void enter(Rule rule, InventoryRun inventoryRun) {
        enter(rule, inventoryRun, KitConfig.DEFAULT_TEST_TIMEOUT, new HungCalls());
    }

    /** The calls that hung in this run so far. */
    public HungCalls hungCalls() {
        return hungCalls;
    }

    /** How long the test may take ({@value KitConfig#TIMEOUT_TEST}); its stacks' close is bounded by it too. */
    public Duration testTimeout() {
        return testTimeout;
    }

    /** The running thread works for no test any longer. */
    public static void leave() {
        CURRENT.remove();
    }

    /** The context of the running test, if it runs under {@link RuleExtension}. */
    public static Optional<RuleContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The rule under test. */
    public Rule rule() {
        return rule;
    }

    /** The run's fixed devices taken out of it (inventory mode). */
    public InventoryRun inventoryRun() {
        return inventoryRun;
    }

    /** Records that the running test uses a stack whose calls {@code calls} tracks. */
    public void uses(SpiCalls calls) {
        stacks.add(calls);
    }

    /** Records one exchange over a device's mailbox: {@code frames} DOE objects of {@code bytes}, waited for. */
    public void exchanged(int frames, long bytes, long waitedNanos) {
        deviceFrames.addAndGet(frames);
        deviceBytes.addAndGet(bytes);
        deviceWaitNanos.addAndGet(waitedNanos);
    }

    /**
     * A session the test opened with the device (the kit's own, a second one, one of the test's own connection):
     * its id and TH2's hash, which names it with the device in the report.
     */
    public void sessionOpened(long sessionId, String transcriptHash) {
        sessions.add(String.format("0x%08x %s", sessionId, transcriptHash));
    }

    /** The sessions the test opened, one line each ("0x&lt;session id&gt; &lt;TH2 hash, hex&gt;"). */
    String sessions() {
        return String.join("\n", sessions);
    }

    /**
     * "calls stacks frames bytes waited-ms": the SPI calls the test made, the stacks it had built, and
     * the DOE objects, bytes and milliseconds of waiting its device's mailbox cost.
     */
    public String cost() {
        return stacks.stream().mapToLong(SpiCalls::count).sum() + " " + stacks.stream().filter(SpiCalls::created)
                .count() + " " + deviceFrames.get() + " " + deviceBytes.get() + " " + deviceWaitNanos.get() / 1_000_000;
    }

    /** The SPI calls still running on the test's stacks, oldest first. */
    public List<String> runningCalls() {
        return stacks.stream().flatMap(calls -> calls.running().stream()).collect(Collectors.toList());
    }

    /** The device answers the test waits for now, oldest first. */
    public List<String> awaitedAnswers() {
        return List.copyOf(waiting);
    }

    /** A wait for a device's answer, ended by closing it. */
    public interface Waiting extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Records that the running test waits for {@code what} (a device's answer), so that a test
     * abandoned at its timeout names it; nothing is recorded outside a test.
     */
    public static Waiting waitingOn(String what) {
        Optional<RuleContext> context = current();
        context.ifPresent(c -> c.waiting.add(what));
        return () -> context.ifPresent(c -> c.waiting.remove(what));
    }

    /** The SPI call that gave {@code refusal}, if a stack of this test gave it. */
    public Optional<String> originOf(Result<?> refusal) {
        return stacks.stream().map(calls -> calls.origin(refusal)).flatMap(Optional::stream).findFirst();
    }

    /**
     * Records a clause the test could not check because the subject gives no way to observe it
     * ({@code what}, as "TDI of 0000:01:00.0 after unbind: CONFIG_UNLOCKED"), and the hook that
     * would ({@code toObserve}). The test goes on with its other clauses; if they all hold it ends
     * NOT_TESTED (see {@link RuleExtension}), never PASSED.
     */
    public void unobserved(String what, String toObserve) {
        unobserved.add(what);
        this.toObserve = toObserve;
    }

    /** Why the test cannot pass although nothing it checked failed, if so. */
    Optional<String> unjudged() {
        if (unobserved.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toObserve + "; the test checked everything else and left " + unobserved.size()
                + " device-state clause" + (unobserved.size() == 1 ? "" : "s") + " unchecked: "
                + String.join("; ", unobserved));
    }

    /** The exchanges of the running test. */
    public Transcript transcript() {
        return transcript;
    }
}
