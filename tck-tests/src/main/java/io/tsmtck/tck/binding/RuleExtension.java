package io.tsmtck.tck.binding;

import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.Rule;
import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.host.inventory.InventoryRun;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Binds each test to its rule: sets the {@link RuleContext} before the test, and on failure
 * publishes the rule and the TDISP transcript as report entries ({@code tsm-tck.rule},
 * {@code tsm-tck.transcript}) for the report writers.
 */
public final class RuleExtension implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback,
        TestExecutionExceptionHandler {

    /** Where run-wide state lives: the launcher's root store, discarded with the run. */
    private static final ExtensionContext.Namespace RUN = ExtensionContext.Namespace.create(RuleExtension.class);

    /** Report entry key carrying the rule id of every test. */
    public static final String RULE_ENTRY = "tsm-tck.rule";
    /** Report entry key carrying a test's cost: "SPI-calls stacks-built". */
    public static final String COST_ENTRY = "tsm-tck.cost";
    /** Report entry: the sessions the test opened with the device, one per line (id, TH2 hash). */
    public static final String SESSIONS_ENTRY = "tsm-tck.sessions";
    /** Report entry key carrying the transcript of a failed test. */
    public static final String TRANSCRIPT_ENTRY = "tsm-tck.transcript";

    /** The JUnit setting the runner gives each parameterized test's timeout in ("60 s"). */
    public static final String TEST_TIMEOUT = "junit.jupiter.execution.timeout.testtemplate.method.default";

    private static final Pattern SECONDS = Pattern.compile("(\\d+) ?s");

    private static Optional<Duration> seconds(String setting) {
        Matcher matcher = SECONDS.matcher(setting.trim());
        return matcher.matches() ? Optional.of(Duration.ofSeconds(Long.parseLong(matcher.group(1)))) : Optional.empty();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Rule rule = ruleOf(context.getRequiredTestMethod());
        RuleContext.enter(rule, context.getRoot().getStore(RUN).getOrComputeIfAbsent(InventoryRun.class),
                context.getConfigurationParameter(TEST_TIMEOUT).flatMap(RuleExtension::seconds)
                        .orElse(KitConfig.DEFAULT_TEST_TIMEOUT),
                context.getRoot().getStore(RUN).getOrComputeIfAbsent(HungCalls.class));
        context.publishReportEntry(RULE_ENTRY, rule.id());
        AllureLabels.label(rule);
    }

    /**
     * A test whose every checked clause held but that left a clause unobserved (see
     * {@link RuleContext#unobserved}) ends NOT_TESTED, with the clauses and the hook to provide.
     */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            RuleContext.current().flatMap(RuleContext::unjudged).ifPresent(reason -> {
                throw new TestAbortedException(reason);
            });
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RuleContext.current().ifPresent(c -> context.publishReportEntry(COST_ENTRY, c.cost()));
        RuleContext.current().map(RuleContext::sessions).filter(s -> !s.isEmpty())
                .ifPresent(s -> context.publishReportEntry(SESSIONS_ENTRY, s));
        RuleContext.leave();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        RuleContext.current().map(RuleContext::transcript).filter(t -> !t.isEmpty()).ifPresent(t -> {
            context.publishReportEntry(TRANSCRIPT_ENTRY, t.render());
            AllureLabels.attachTranscript(t.render());
        });
        if (throwable instanceof TimeoutException) {
            RuleContext.current().ifPresent(c -> c.runningCalls().forEach(call -> c.hungCalls().hung(call,
                    context.getRequiredTestMethod().getName() + " " + context.getDisplayName())));
            throw timedOut(throwable, context.getDisplayName());
        }
        throw throwable;
    }

    /**
     * A per-test timeout, named by rule and case ({@code displayName}) rather than by the Java method,
     * with the SPI call the test was left in and the top of its thread's stack.
     */
    static AssertionFailedError timedOut(Throwable timeout, String displayName) {
        Optional<RuleContext> current = RuleContext.current();
        List<String> running = current.map(RuleContext::runningCalls).orElse(List.of());
        List<String> awaited = current.map(RuleContext::awaitedAnswers).orElse(List.of());
        String frames = Optional.ofNullable(timeout.getCause()).stream()
                .flatMap(cause -> Stream.of(cause.getStackTrace()))
                .dropWhile(f -> f.getClassName().startsWith("java.") || f.getClassName().startsWith("jdk."))
                .limit(8).map(f -> "\n    at " + f)
                .collect(Collectors.joining());
        // JUnit says "<method>(<parameter types>) timed out after 60 seconds": keep the limit, name the case
        String message = String.valueOf(timeout.getMessage());
        int at = message.indexOf("timed out after");
        return new AssertionFailedError(current.map(c -> "Rule " + c.rule().label() + ": ").orElse("")
                + "case " + displayName + " " + (at >= 0 ? message.substring(at) : "timed out: " + message)
                + " (" + KitConfig.TIMEOUT_TEST + "); "
                + (!running.isEmpty() ? "it was in the SPI call " + String.join(", then ", running)
                        : !awaited.isEmpty() ? "it was waiting for " + String.join(", then ", awaited)
                        : "no SPI call was running and no device answer awaited (the time went in the kit or between"
                        + " calls)")
                + "; the test was abandoned and the run goes on with a fresh stack. Its thread was at (JDK frames on"
                + " top left out):" + frames,
                timeout);
    }

    /** The rule a test method cites, checked against the catalogue. */
    public static Rule ruleOf(Method method) {
        String id = citedId(method).orElseThrow(() -> new ExtensionConfigurationException(
                method + " is a kit test without @Must, @Should or @May"));
        return Catalogue.standard().rule(id).orElseThrow(() -> new ExtensionConfigurationException(
                method + " cites rule " + id + ", which is not in the catalogue"));
    }

    /** The rule id a method cites, if it has a rule annotation. */
    public static Optional<String> citedId(Method method) {
        if (method.isAnnotationPresent(Must.class)) {
            return Optional.of(method.getAnnotation(Must.class).value());
        }
        if (method.isAnnotationPresent(Should.class)) {
            return Optional.of(method.getAnnotation(Should.class).value());
        }
        return Optional.ofNullable(method.getAnnotation(May.class)).map(May::value);
    }
}
