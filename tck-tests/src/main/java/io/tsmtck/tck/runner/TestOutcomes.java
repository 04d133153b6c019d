package io.tsmtck.tck.runner;

import io.tsmtck.tck.binding.NotApplicable;
import io.tsmtck.tck.binding.RuleExtension;
import io.tsmtck.tck.report.CertificationReport.Cost;
import io.tsmtck.tck.report.CertificationReport.TestStatus;
import io.tsmtck.tck.setup.SetupFailure;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects every executed test invocation with its rule (from the test method's annotation, never
 * its name), status, message and transcript. Parameterized invocations exist only at execution
 * time, so this counts what ran, not what was discovered.
 */
public final class TestOutcomes implements TestExecutionListener {

    /** One finished invocation. */
    public record Outcome(String ruleId, String name, TestStatus status, String message, String transcript,
                          String blockedBy, Cost cost, List<String> sessions) {

        public Outcome {
            sessions = sessions == null ? List.of() : List.copyOf(sessions);
        }

        /** An outcome that opened no session with a device. */
        public Outcome(String ruleId, String name, TestStatus status, String message, String transcript,
                       String blockedBy, Cost cost) {
            this(ruleId, name, status, message, transcript, blockedBy, cost, List.of());
        }

        /** An outcome not blocked by a refused setup step, of no measured cost. */
        public Outcome(String ruleId, String name, TestStatus status, String message, String transcript) {
            this(ruleId, name, status, message, transcript, "", Cost.NONE);
        }

        /** An outcome of no measured cost. */
        public Outcome(String ruleId, String name, TestStatus status, String message, String transcript,
                       String blockedBy) {
            this(ruleId, name, status, message, transcript, blockedBy, Cost.NONE);
        }
    }

    /** The rule id of a test that cites none. */
    static final String NO_RULE = "?";

    /** By unique id in the order {@link #ORDER} gives, so that a parallel run reports as a sequential one. */
    private final Map<String, Outcome> outcomes = new TreeMap<>(ORDER);
    private final Map<String, String> transcripts = new ConcurrentHashMap<>();
    private final Map<String, String> costs = new ConcurrentHashMap<>();
    private final Map<String, List<String>> sessions = new ConcurrentHashMap<>();
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final ProgressListener progress;
    private TestPlan plan;

    /** Progress callback: each test as it starts, and as it finishes. */
    public interface ProgressListener {
        /** A test of {@code ruleId} named {@code name} starts. */
        default void started(String ruleId, String name) {
        }

        void finished(Outcome outcome);
    }

    TestOutcomes(ProgressListener progress) {
        this.progress = progress;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        entry.getKeyValuePairs().forEach((key, value) -> {
            if (key.equals(RuleExtension.TRANSCRIPT_ENTRY)) {
                transcripts.put(test.getUniqueId(), value);
            } else if (key.equals(RuleExtension.COST_ENTRY)) {
                costs.put(test.getUniqueId(), value);
            } else if (key.equals(RuleExtension.SESSIONS_ENTRY)) {
                sessions.put(test.getUniqueId(), List.of(value.split("\n")));
            }
        });
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
            started.put(test.getUniqueId(), System.nanoTime());
            progress.started(ruleOf(test).orElse(NO_RULE), name(test));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            record(test, TestStatus.NOT_TESTED, reason, "");
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        String message = result.getThrowable().map(Throwable::getMessage).orElse("");
        switch (result.getStatus()) {
            case SUCCESSFUL:
                record(test, TestStatus.PASSED, "", "");
                break;
            case ABORTED:
                record(test, result.getThrowable().filter(NotApplicable.class::isInstance).isPresent()
                        ? TestStatus.NOT_APPLICABLE : TestStatus.NOT_TESTED, message,
                        result.getThrowable().flatMap(SetupFailure::blockerOf).orElse(""));
                break;
            default:
                record(test, TestStatus.FAILED, message == null
                        ? result.getThrowable().map(Object::toString).orElse("") : message,
                        result.getThrowable().flatMap(SetupFailure::blockerOf).orElse(""));
        }
    }

    private synchronized void record(TestIdentifier test, TestStatus status, String message, String blockedBy) {
        Outcome outcome = new Outcome(ruleOf(test).orElse(NO_RULE), name(test), status, message == null ? "" : message,
                transcripts.getOrDefault(test.getUniqueId(), ""), blockedBy, cost(test.getUniqueId()),
                sessions.getOrDefault(test.getUniqueId(), List.of()));
        outcomes.put(test.getUniqueId(), outcome);
        progress.finished(outcome);
    }

    private Cost cost(String id) {
        Long start = started.remove(id);
        long millis = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
        long[] parts = Arrays.stream(costs.getOrDefault(id, "0 0 0 0 0").split(" "))
                .mapToLong(Long::parseLong).toArray();
        return parts.length < 5 ? new Cost(millis, parts[0], parts[1])
                : new Cost(millis, parts[0], parts[1], parts[2], parts[3], parts[4]);
    }

    private String name(TestIdentifier test) {
        String parent = plan == null ? "" : plan.getParent(test).map(TestIdentifier::getDisplayName).orElse("");
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(s -> s.getClassName().substring(s.getClassName().lastIndexOf('.') + 1) + "." + s.getMethodName())
                .orElse(parent) + " " + test.getDisplayName();
    }

    private static Optional<String> ruleOf(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .flatMap(source -> RuleExtension.citedId(source.getJavaMethod()));
    }

    synchronized List<Outcome> outcomes() {
        return List.copyOf(outcomes.values());
    }

    /**
     * Unique ids compared segment by segment, digits by value: invocation #10 after #9, whatever
     * order tests finished in.
     */
    static final Comparator<String> ORDER = (a, b) -> {
        List<String> x = tokens(a);
        List<String> y = tokens(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            String left = x.get(i);
            String right = y.get(i);
            int compared = Character.isDigit(left.charAt(0)) && Character.isDigit(right.charAt(0))
                    ? new BigInteger(left).compareTo(new BigInteger(right)) : left.compareTo(right);
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(x.size(), y.size());
    };

    private static final Pattern NUMBER_OR_TEXT = Pattern.compile("\\d+|\\D+");

    private static List<String> tokens(String id) {
        return NUMBER_OR_TEXT.matcher(id).results().map(MatchResult::group).toList();
    }
}
