package io.tsmtck.tck.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import io.tsmtck.api.Capabilities;
import io.tsmtck.api.TsmStackProvider;
import io.tsmtck.api.UapiLevel;
import io.tsmtck.api.VendorProfile;
import io.tsmtck.api.device.DeviceUnderTest;
import io.tsmtck.tck.binding.RuleExtension;
import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.Excludes;
import io.tsmtck.tck.catalogue.Kit;
import io.tsmtck.tck.catalogue.Rule;
import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.device.DeviceProbe;
import io.tsmtck.tck.device.DeviceSource;
import io.tsmtck.tck.device.Devices;
import io.tsmtck.tck.host.Implementation;
import io.tsmtck.tck.host.StackPool;
import io.tsmtck.tck.report.CertificationReport.RuleResult;
import io.tsmtck.tck.report.CertificationReport.TestStatus;
import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.report.JsonReports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * Runs the kit against the implementation on the classpath with the JUnit Platform launcher and
 * builds the certification report. A plain library: the plugin's forked JVM calls it through
 * {@link Main}, and anyone can call it from code.
 */
public final class KitRunner {

    private static final String ALLURE_LISTENER = "io.qameta.allure.junitplatform.AllureJunitPlatform";

    /** The package holding the kit's tests. */
    public static final String TESTS_PACKAGE = "io.tsmtck.tck.tests";

    private KitRunner() {
    }

    /** Runs {@code config}; {@code progress} hears of every test as it starts and finishes. */
    public static CertificationReport run(RunConfig config, TestOutcomes.ProgressListener progress) {
        return run(config, progress, "");
    }

    /**
     * Runs {@code config} as {@link #run(RunConfig, TestOutcomes.ProgressListener)} does, with the
     * nonce the plugin handed this run written into its identity and report.
     */
    public static CertificationReport run(RunConfig config, TestOutcomes.ProgressListener progress, String nonce) {
        Subject subject = config.kit() == Kit.DEVICE ? deviceSubject(config) : hostSubject(config);
        RunIdentity identity = identity(config, subject, nonce);
        writeIdentity(identity, outputDirectory(config));
        TestOutcomes outcomes = new TestOutcomes(progress);
        if (!config.allure()) {
            // read by the launcher when it loads its auto-registered listeners, as a system property
            System.setProperty("junit.platform.execution.listeners.deactivate", ALLURE_LISTENER);
        }
        Path junitXml = outputDirectory(config).resolve(ReportFiles.JUNIT_XML);
        try (LauncherSession session = LauncherFactory.openSession();
             PrintWriter xmlErrors = new PrintWriter(System.err, true)) {
            session.getLauncher().execute(request(config, subject), outcomes,
                    new LegacyXmlReportGeneratingListener(junitXml, xmlErrors));
        } finally {
            StackPool.closeAll();
            Devices.closeAll();
        }
        return report(config, identity, subject, outcomes.outcomes());
    }

    /**
     * What a run certifies: its identity in the report, the vendor profiles it implements (a device
     * has none: every rule of its kit applies), the kernel uAPI it declares (a device's rules need
     * none), how long one test may take, and how many tests run at once.
     */
    private record Subject(CertificationReport.Implementation implementation, Set<VendorProfile> profiles,
                           UapiLevel uapi, Duration testTimeout, List<Class<?>> jars, int parallelism) {
    }

    private static Subject hostSubject(RunConfig config) {
        TsmStackProvider provider = Implementation.provider();
        Capabilities.Latency latency = Timeouts.declarable(provider.capabilities().latency(),
                provider.getClass().getName());
        Duration testTimeout = config.testTimeoutSeconds().map(Duration::ofSeconds)
                .orElseGet(() -> Timeouts.test(latency));
        return new Subject(new CertificationReport.Implementation(provider.getClass().getName(), provider.name(),
                config.artifacts(), hashes(provider.getClass()), Optional.of(declared(provider))),
                provider.capabilities().profiles(), provider.capabilities().uapi(), testTimeout,
                List.of(TsmStackProvider.class),
                Parallelism.host(provider));
    }

    private static Subject deviceSubject(RunConfig config) {
        CertificationReport.Device device = DeviceProbe.probe();
        Duration testTimeout = config.testTimeoutSeconds().map(Duration::ofSeconds)
                .orElseGet(() -> KitConfig.timeoutDevice().multipliedBy(6));
        DeviceSource source = Devices.source();
        return new Subject(new CertificationReport.Implementation(source.describe(), device.certificateSubject(),
                config.artifacts(), source.implementation().map(KitRunner::hashes).orElse(Map.of()),
                Optional.empty(), Optional.of(device)),
                EnumSet.allOf(VendorProfile.class), UapiLevel.MAINLINE, testTimeout, List.of(DeviceUnderTest.class),
                Parallelism.device(source));
    }

    private static RunIdentity identity(RunConfig config, Subject subject, String nonce) {
        CertificationReport.Environment environment = new CertificationReport.Environment(
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                config.maven(), KitConfig.seed(),
                Map.of(KitConfig.TIMEOUT_HAPPEN, KitConfig.timeoutHappen().toMillis(),
                        KitConfig.TIMEOUT_ABSENT, KitConfig.timeoutAbsent().toMillis(),
                        KitConfig.TIMEOUT_TEST, subject.testTimeout().toMillis()),
                selection(config), nonce, config.kit() == Kit.HOST ? config.profile().toString() : "");
        List<Class<?>> kitJars = new ArrayList<>(List.of(Catalogue.class));
        kitJars.addAll(subject.jars());
        return new RunIdentity(new CertificationReport.Kit(kitVersion(), hashes(kitJars.toArray(Class<?>[]::new)),
                Catalogue.standard().of(config.kit()).rules().size(), Catalogue.sha256()), subject.implementation(),
                environment);
    }

    private static void writeIdentity(RunIdentity identity, Path directory) {
        try {
            Files.createDirectories(directory);
            // written whole, then moved into place: the plugin reads it while the fork runs
            Path partial = directory.resolve(ReportFiles.IDENTITY + ".partial");
            JsonReports.mapper().writeValue(partial.toFile(), identity);
            Files.move(partial, directory.resolve(ReportFiles.IDENTITY), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + ReportFiles.IDENTITY + " into " + directory, e);
        }
    }

    private static LauncherDiscoveryRequest request(RunConfig config, Subject subject) {
        Duration testTimeout = subject.testTimeout();
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(TESTS_PACKAGE))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter("junit.platform.reporting.open.xml.enabled", "true")
                .configurationParameter("junit.platform.reporting.output.dir",
                        outputDirectory(config).resolve(ReportFiles.OPEN_TEST_REPORTING).toString())
                .filters(Excludes.filter(), kitFilter(config.kit()), scopeFilter(config, subject.uapi()));
        // a test runs in a thread of its own that is abandoned at its timeout, so a call that hangs
        // and ignores interrupts ends that test, not the run
        long seconds = Math.max(1, testTimeout.toSeconds());
        request.configurationParameter(RuleExtension.TEST_TIMEOUT, seconds + " s")
                .configurationParameter("junit.jupiter.execution.timeout.test.method.default", seconds + " s")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD");
        Parallelism.configure(request, subject.parallelism());
        if (!config.areas().isEmpty()) {
            request.filters(TagFilter.includeTags(config.areas()));
        }
        if (!config.rules().isEmpty()) {
            request.filters((PostDiscoveryFilter) descriptor -> descriptor.getSource()
                    .filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                    .map(source -> RuleExtension.citedId(source.getJavaMethod())
                            .map(id -> FilterResult.includedIf(config.rules().contains(id)))
                            .orElse(FilterResult.excluded("cites no rule")))
                    .orElse(FilterResult.included("container")));
        }
        return request.build();
    }

    /**
     * Only the tests of rules the run certifies: in the chosen profile, and needing no uAPI the stack
     * does not declare (the rest are NOT_APPLICABLE, {@link ReportFolder}).
     */
    private static PostDiscoveryFilter scopeFilter(RunConfig config, UapiLevel uapi) {
        return descriptor -> descriptor.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .flatMap(source -> RuleExtension.citedId(source.getJavaMethod()).flatMap(Catalogue.standard()::rule))
                .map(rule -> FilterResult.includedIf(config.profile().includes(rule) && rule.missingFrom(uapi)
                        .isEmpty(), () -> "in scope", () -> "outside the " + config.profile().label() + " or " + uapi))
                .orElse(FilterResult.included("no rule"));
    }

    /** Only the tests of {@code kit}'s rules; a test that cites no rule is the host kit's. */
    private static PostDiscoveryFilter kitFilter(Kit kit) {
        return descriptor -> descriptor.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(source -> {
                    Kit of = RuleExtension.citedId(source.getJavaMethod()).flatMap(Catalogue.standard()::rule)
                            .map(Rule::kit).orElse(Kit.HOST);
                    return FilterResult.includedIf(of == kit, () -> "a test of the " + kit + " kit",
                            () -> "a test of the " + of + " kit");
                }).orElse(FilterResult.included("container"));
    }

    private static CertificationReport report(RunConfig config, RunIdentity identity, Subject subject,
                                              List<TestOutcomes.Outcome> outcomes) {
        Catalogue catalogue = Catalogue.standard().of(config.kit());
        List<String> problems = new ArrayList<>();
        if (config.kit() == Kit.DEVICE && KitConfig.plaintext()) {
            problems.add("a plaintext run (" + KitConfig.PLAINTEXT + "=true): TDISP and IDE_KM went outside any secured"
                    + " session, which PCIe Base 6.x §11.2.2 forbids, and the rules that need a session were not tested;"
                    + " never a certification");
        }
        List<RuleResult> rules = ReportFolder.rules(catalogue, outcomes, excludedRules(), subject.profiles(),
                new ReportFolder.Scope(config.profile(), subject.uapi()));
        outcomes.stream().filter(o -> o.ruleId().equals(TestOutcomes.NO_RULE) && o.status() == TestStatus.FAILED)
                .forEach(o -> problems.add("a test that cites no rule failed: " + o.name()));
        if (!config.isWholeKit()) {
            problems.add("a selection of rules or areas ran, not the whole kit");
        }
        if (identity.kit().sha256().size() < 2 || identity.implementation().sha256().isEmpty()
                && (config.kit() == Kit.HOST || Devices.source().implementation().isPresent())) {
            problems.add("the kit or the implementation was not loaded from jars, so no SHA-256 could be computed"
                    + " (certify after the package phase, as mvn verify does)");
        }
        if (outcomes.isEmpty()) {
            problems.add("no test ran");
        }
        return new CertificationReport(ReportFolder.verdict(config.isWholeKit(), rules, problems), true,
                identity.kit(), identity.implementation(), identity.environment(),
                ReportFolder.totals(rules, outcomes), rules, problems, ReportFolder.implementFirst(outcomes));
    }

    /** What {@code provider} declares, for the report. */
    static CertificationReport.Declared declared(TsmStackProvider provider) {
        Capabilities capabilities = provider.capabilities();
        return new CertificationReport.Declared(
                capabilities.profiles().stream().sorted().map(Enum::name).collect(Collectors.toList()),
                capabilities.maxDsms(), capabilities.maxFunctionsPerDsm(), capabilities.maxVfsPerDsm(),
                capabilities.features().stream().sorted().map(Enum::name).collect(Collectors.toList()),
                capabilities.latency().call().toMillis(), capabilities.latency().stackSetup().toMillis(),
                provider.inventory().stream().map(device -> device.profile() + ": " + device.name())
                        .collect(Collectors.toList()), capabilities.uapi().describe(), capabilities.uapi().kernel(),
                capabilities.uapi().extensions().stream().sorted().map(Enum::name).collect(Collectors.toList()));
    }

    /** The rules cited by tests on the exclude list. */
    static Set<String> excludedRules() {
        Set<String> rules = new HashSet<>();
        for (String test : Excludes.all().keySet()) {
            String[] parts = test.split("#", 2);
            try {
                for (Method method : Class.forName(parts[0]).getDeclaredMethods()) {
                    if (method.getName().equals(parts[1])) {
                        RuleExtension.citedId(method).ifPresent(rules::add);
                    }
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the exclude list names " + test + ", which the kit does not have", e);
            }
        }
        return rules;
    }

    private static List<String> selection(RunConfig config) {
        List<String> selection = new ArrayList<>();
        config.rules().forEach(rule -> selection.add("rule " + rule));
        config.areas().forEach(area -> selection.add("area " + area));
        return selection;
    }

    static String kitVersion() {
        return Optional.ofNullable(Catalogue.class.getPackage().getImplementationVersion())
                .orElse("unknown (not loaded from the kit's jar)");
    }

    private static Map<String, String> hashes(Class<?>... types) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Class<?> type : types) {
            Hashes.jarOf(type).ifPresent(jar -> {
                try {
                    hashes.put(jar.getFileName().toString(), Hashes.sha256(jar));
                } catch (IOException e) {
                    hashes.put(jar.getFileName().toString(), "unreadable: " + e.getMessage());
                }
            });
        }
        return hashes;
    }

    /** Where {@code config} says the reports go. */
    static Path outputDirectory(RunConfig config) {
        return Path.of(config.outputDirectory());
    }
}
