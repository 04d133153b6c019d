package io.tsmtck.emu.selftest;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import io.tsmtck.emu.ReferenceStackProvider;
import io.tsmtck.emu.faults.FaultPlan;
import io.tsmtck.tck.binding.NotApplicable;
import io.tsmtck.tck.binding.RuleExtension;
import io.tsmtck.tck.catalogue.Excludes;
import io.tsmtck.tck.config.KitConfig;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One in-process run of the whole kit against the reference implementation built with a fault
 * plan, collecting which rules failed. The plan reaches the provider through its system property,
 * so runs must not overlap.
 */
final class KitRun {

    /** What one run found: the rules with a failed test, with a NOT_APPLICABLE test, with a NOT_TESTED one. */
    record Outcome(Set<String> failedRules, Set<String> notApplicableRules, Set<String> notTestedRules,
                   long testsRun, long testsFailed, Map<String, String> notTestedReasons) {
    }

    private KitRun() {
    }

    /** The root of the reference device's P-384 chain, the identity its responder prefers. */
    static final String TRUST_ANCHOR = "src/main/resources/io/tsmtck/emu/spdm/identity/p384-root.der";

    static Outcome run(FaultPlan plan) {
        return run(plan, ReferenceStackProvider.LARGEST);
    }

    /** A run with the reference declaring the platform {@code topology} ("DSMS,PFS,VFS"). */
    static Outcome run(FaultPlan plan, String topology) {
        return run(plan, topology, Set.of());
    }

    /**
     * A run of the tests of {@code rules} only (all when empty) with the reference declaring the
     * platform {@code topology} ("DSMS,PFS,VFS"). Host and device kit both run: the host kit against
     * the reference stack, the device kit against the reference device, each built with the plan.
     */
    static Outcome run(FaultPlan plan, String topology, Set<String> rules) {
        return run(plan, topology, rules, "");
    }

    /**
     * {@link #run(FaultPlan, String, Set)} with the reference declaring only the test hooks
     * {@code hooks} ({@link ReferenceStackProvider#HOOKS_PROPERTY}; empty for all).
     */
    static synchronized Outcome run(FaultPlan plan, String topology, Set<String> rules, String hooks) {
        String names = String.join(",", plan.faults().stream().map(Enum::name).toList());
        String previous = System.getProperty(FaultPlan.PROPERTY);
        System.setProperty(FaultPlan.PROPERTY, names);
        System.setProperty(ReferenceStackProvider.TOPOLOGY_PROPERTY, topology);
        System.setProperty(ReferenceStackProvider.HOOKS_PROPERTY, hooks);
        // the emulation reacts synchronously: over 118 runs, waiting for what a fault prevents, or
        // watching for an absence, needs no time
        System.setProperty(KitConfig.TIMEOUT_ABSENT, "1");
        System.setProperty(KitConfig.TIMEOUT_HAPPEN, "20");
        System.setProperty(KitConfig.TRUST_ANCHOR, TRUST_ANCHOR);
        try {
            Collector collector = new Collector();
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectPackage("io.tsmtck.tck.tests"))
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                    .filters(Excludes.filter(), onlyRules(rules))
                    .build();
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false).build());
            launcher.execute(request, collector);
            return new Outcome(collector.failed, collector.notApplicable, collector.notTested, collector.run,
                    collector.failures, collector.reasons);
        } finally {
            System.clearProperty(ReferenceStackProvider.TOPOLOGY_PROPERTY);
            System.clearProperty(ReferenceStackProvider.HOOKS_PROPERTY);
            System.clearProperty(KitConfig.TIMEOUT_ABSENT);
            System.clearProperty(KitConfig.TIMEOUT_HAPPEN);
            if (previous == null) {
                System.clearProperty(FaultPlan.PROPERTY);
            } else {
                System.setProperty(FaultPlan.PROPERTY, previous);
            }
        }
    }

    private static PostDiscoveryFilter onlyRules(Set<String> rules) {
        return descriptor -> rules.isEmpty() ? FilterResult.included("every rule") : descriptor.getSource()
                .filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(source -> FilterResult.includedIf(RuleExtension.citedId(source.getJavaMethod())
                        .filter(rules::contains).isPresent()))
                .orElse(FilterResult.included("container"));
    }

    private static final class Collector implements TestExecutionListener {
        private final Set<String> failed = new TreeSet<>();
        private final Set<String> notApplicable = new TreeSet<>();
        private final Set<String> notTested = new TreeSet<>();
        private final Map<String, String> reasons = new TreeMap<>();
        private long run;
        private long failures;

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (!test.isTest()) {
                return;
            }
            run++;
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                failures++;
                ruleOf(test).ifPresent(failed::add);
            } else if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
                boolean notApplicableTest = result.getThrowable().filter(NotApplicable.class::isInstance).isPresent();
                ruleOf(test).ifPresent(notApplicableTest ? notApplicable::add : notTested::add);
                if (!notApplicableTest) {
                    ruleOf(test).ifPresent(rule -> reasons.putIfAbsent(rule,
                            result.getThrowable().map(Throwable::getMessage).orElse("")));
                }
            }
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            if (test.isTest()) {
                ruleOf(test).ifPresent(notTested::add);
            }
        }

        private static Optional<String> ruleOf(TestIdentifier test) {
            return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                    .flatMap(source -> {
                        try {
                            Method method = source.getJavaMethod();
                            return RuleExtension.citedId(method);
                        } catch (RuntimeException e) {
                            return Optional.empty();
                        }
                    });
        }
    }
}
