package io.tsmtck.tck.runner;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.CataloguePage;
import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.device.DeviceProbe;
import io.tsmtck.tck.host.Implementation;
import io.tsmtck.tck.report.CertificationReport.RuleResult;
import io.tsmtck.tck.report.CertificationReport.RuleStatus;
import io.tsmtck.tck.report.CertificationReport.TestStatus;
import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.report.HtmlReports;
import io.tsmtck.tck.report.JsonReports;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The forked runner: {@code java -cp <kit + implementation> io.tsmtck.tck.runner.Main <run-config.json>}.
 * Runs the kit, writes the report, prints progress by area, one line per failed rule, totals and
 * the verdict. Exit status: 0 when the kit ran (whatever the verdict: the caller reads the
 * report), 2 when it could not run (no or several providers, a provider that throws, a bad config).
 */
public final class Main {

    /**
     * Prefix of a line the plugin logs at ERROR (stripped to {@value #INFO}); the level is a field of
     * the line, never guessed from its words.
     */
    public static final String ERROR = "[tsm-tck:error] ";
    /** Prefix of a line the plugin logs at WARNING. */
    public static final String WARN = "[tsm-tck:warn] ";
    /** Prefix of every other line. */
    public static final String INFO = "[tsm-tck] ";

    /** Exit status when the kit could not run. */
    public static final int CANNOT_RUN = 2;

    /** Exit status when the process that started the run is gone. */
    public static final int PARENT_GONE = 3;

    /**
     * The second argument of a run the plugin started: the plugin writes the run's nonce as the first
     * line of the fork's standard input and keeps it open while it waits; its end means the plugin is
     * gone, and the fork ends too.
     */
    public static final String STDIN_HANDSHAKE = "--handshake-on-stdin";

    /** How every line of the kit's own refusal to run begins, after {@link #ERROR}. */
    public static final String CANNOT_RUN_LINE = "the kit could not run: ";

    private Main() {
    }

    public static void main(String[] args) {
        String nonce = "";
        if (args.length == 2 && args[1].equals(STDIN_HANDSHAKE)) {
            nonce = ParentWatch.handshake(System.in, System.out);
        }
        System.exit(run(args, System.out, nonce));
    }

    static int run(String[] args, PrintStream out) {
        return run(args, out, "");
    }

    private static int run(String[] args, PrintStream out, String nonce) {
        if (args.length < 1 || args.length > 2) {
            out.println("[tsm-tck] usage: java -cp <kit and implementation> " + Main.class.getName()
                    + " <run-config.json> [" + STDIN_HANDSHAKE + "]");
            return CANNOT_RUN;
        }
        AtomicReference<RunConfig> read = new AtomicReference<>();
        try {
            RunConfig config = new ObjectMapper().registerModule(new Jdk8Module())
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(Path.of(args[0]).toFile(), RunConfig.class);
            read.set(config);
            config.seed().ifPresent(seed -> System.setProperty(KitConfig.SEED, Long.toString(seed)));
            config.provider().ifPresent(provider -> System.setProperty(Implementation.PROVIDER, provider));
            config.device().ifPresent(device -> {
                device.target().ifPresent(target -> System.setProperty(KitConfig.DEVICE, target));
                device.provider().ifPresent(provider -> System.setProperty(KitConfig.DEVICE_PROVIDER, provider));
                if (device.plaintext()) {
                    System.setProperty(KitConfig.PLAINTEXT, "true");
                }
                System.setProperty(KitConfig.TRUST_ANCHOR, device.trustAnchor());
                if (!device.functions().isEmpty()) {
                    System.setProperty(KitConfig.FUNCTIONS, String.join(",", device.functions()));
                }
            });
            System.setProperty("allure.results.directory",
                    KitRunner.outputDirectory(config).resolve(ReportFiles.ALLURE_RESULTS).toString());
            config.timeoutHappenMillis().ifPresent(t -> System.setProperty(KitConfig.TIMEOUT_HAPPEN, Long.toString(t)));
            config.timeoutAbsentMillis().ifPresent(t -> System.setProperty(KitConfig.TIMEOUT_ABSENT, Long.toString(t)));
            out.printf("[tsm-tck] seed %d (replay with -D%s=%d)%n", KitConfig.seed(), KitConfig.SEED, KitConfig.seed());
            Path directory = KitRunner.outputDirectory(config);
            Files.createDirectories(directory);
            CertificationReport report;
            try (ProgressLog progress = new ProgressLog(directory, out)) {
                report = KitRunner.run(config, progress, nonce);
            }
            Path file = JsonReports.write(report, directory);
            allureEnvironment(report, directory.resolve(ReportFiles.ALLURE_RESULTS));
            HtmlReports.write(report, directory);
            Files.writeString(directory.resolve(ReportFiles.RULES_PAGE), CataloguePage.markdown(Catalogue.standard(),
                    KitTestPlan.byRule(), Map.of()));
            summarize(report, file, out);
            return 0;
        } catch (DeviceProbe.Unmet e) {
            return cannotRun(out, e.getMessage(), read.get(), e.transcript());
        } catch (IllegalStateException | IOException e) {
            return cannotRun(out, e.getMessage(), read.get(), "");
        } catch (ServiceConfigurationError e) {
            return cannotRun(out, "the implementation's TsmStackProvider could not be created: "
                    + (e.getCause() == null ? e.getMessage() : e.getCause()) + ". Check its public no-argument "
                    + "constructor and what it does.", read.get(), "");
        } catch (ExceptionInInitializerError e) {
            return cannotRun(out, "a class of the implementation failed to initialise: " + e.getCause(), read.get(),
                    "");
        } catch (LinkageError e) {
            return cannotRun(out, "the classpath is broken: " + e + ". Check that the implementation's "
                    + "dependencies are on the runtime classpath and that it was built against tck-api "
                    + Main.class.getPackage().getImplementationVersion() + ".", read.get(), "");
        } catch (RuntimeException e) {
            return cannotRun(out, Culprit.of(e), read.get(), "");
        }
    }

    /**
     * Says why the kit could not run and, once the configuration was read, still leaves a report:
     * NOT_CERTIFIED, complete false, the reason, and what went over the device's mailbox until then,
     * so that CI keeps an artifact and a reviewer gets one.
     */
    private static int cannotRun(PrintStream out, String reason, RunConfig config, String transcript) {
        out.println(ERROR + CANNOT_RUN_LINE + reason);
        if (config != null) {
            try {
                IncompleteReports.write(KitRunner.outputDirectory(config), config, CANNOT_RUN_LINE + reason,
                        transcript);
            } catch (IOException | RuntimeException e) {
                out.println(WARN + "no report could be written either: " + e);
            }
        }
        return CANNOT_RUN;
    }

    /** Fills Allure's Environment panel with the report's identity. */
    private static void allureEnvironment(CertificationReport report, Path results) throws IOException {
        if (!Files.isDirectory(results)) {
            return;
        }
        Properties environment = new Properties();
        environment.setProperty("verdict", report.verdict().name());
        environment.setProperty("kit", report.kit().version());
        environment.setProperty("implementation", report.implementation().name());
        environment.setProperty("provider", report.implementation().provider());
        environment.setProperty("java", report.environment().java());
        environment.setProperty("os", report.environment().os());
        environment.setProperty("seed", Long.toString(report.environment().seed()));
        try (Writer out = Files.newBufferedWriter(results.resolve("environment.properties"))) {
            environment.store(out, "TSM-TCK run");
        }
    }

    /** The subject, expected and actual lines of a kit failure message, on one line. */
    private static String essentials(String message) {
        String compact = message.lines().map(String::trim)
                .filter(line -> line.startsWith("subject:") || line.startsWith("expected:") || line.startsWith("actual:"))
                .reduce((a, b) -> a + "; " + b).orElse("");
        return compact.isEmpty() ? message.lines().findFirst().orElse("") : compact;
    }

    /** The closing lines: failed rules, totals, verdict, report path. */
    public static void summarize(CertificationReport report, Path file, PrintStream out) {
        for (CertificationReport.Blocker blocker : report.implementFirst()) {
            out.printf(ERROR + "implement first: %s (kept %d rule(s) from being checked, in %d test(s))%n",
                    blocker.refusal(), blocker.rules(), blocker.tests());
        }
        for (RuleResult rule : report.rules()) {
            if (rule.status() == RuleStatus.FAILED) {
                String first = rule.tests().stream().filter(t -> t.status() == TestStatus.FAILED).findFirst()
                        .map(t -> t.name() + ": " + essentials(t.message())).orElse("");
                out.printf((rule.level().equals("MUST") ? ERROR : WARN) + "Rule %s (%s) failed: %s%n", rule.id(),
                        rule.level(), first);
            }
        }
        for (RuleResult rule : report.rules()) {
            if (rule.status() == RuleStatus.NOT_TESTED || rule.status() == RuleStatus.NOT_APPLICABLE) {
                out.printf((rule.level().equals("MUST") && rule.status() == RuleStatus.NOT_TESTED ? WARN : INFO)
                        + "Rule %s (%s) %s: %s%n", rule.id(), rule.level(),
                        rule.status() == RuleStatus.NOT_TESTED ? "not tested" : "not applicable",
                        String.join("; ", rule.reasons()));
            }
        }
        CertificationReport.Totals t = report.totals();
        out.printf("[tsm-tck] %d rules (%d MUST): %d passed, %d failed, %d not tested, %d not applicable, "
                        + "%d untestable, %d excluded; tests: %d executed, %d not tested, %d not applicable%n",
                t.rules(), t.mustRules(), t.passed(), t.failed(), t.notTested(), t.notApplicable(), t.untestable(),
                t.excluded(), t.testsExecuted(), t.testsNotTested(), t.testsNotApplicable());
        CertificationReport.Cost cost = t.cost();
        out.printf(INFO + "cost: %d SPI calls, %d stacks built, %.1f s in tests%s%n", cost.spiCalls(), cost.stacks(),
                cost.millis() / 1000.0, cost.deviceFrames() == 0 ? "" : String.format("; device: %d frames, %d bytes, "
                        + "%.1f s waiting for its answers", cost.deviceFrames(), cost.deviceBytes(),
                        cost.deviceWaitMillis() / 1000.0));
        report.problems().forEach(p -> out.println("[tsm-tck] not a clean certification: " + p));
        report.implementation().device().map(CertificationReport.Device::rig).filter(rig -> rig.contains(
                DeviceProbe.REACTS_AT_ONCE)).ifPresent(rig -> out.println(WARN + "the device's rig declares that it"
                        + " reacts at once, so \"does not happen\" clauses were looked at twice within a quarter of "
                        + KitConfig.TIMEOUT_ABSENT + ", not watched for all of it; a real device's late reaction needs"
                        + " that declaration off"));
        out.println("[tsm-tck] verdict: " + report.verdict() + report.implementation().declared()
                .map(declared -> ", " + report.environment().profile() + " profile, " + declared.uapi()).orElse(""));
        out.println("[tsm-tck] report: " + file.toAbsolutePath() + " (and " + HtmlReports.FILE + " beside it)");
    }
}
