package io.tsmtck.tck.runner;

import io.tsmtck.api.VendorProfile;
import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.report.CertificationReport.RuleResult;
import io.tsmtck.tck.report.CertificationReport.TestStatus;
import io.tsmtck.tck.report.CertificationReport.Verdict;
import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.report.HtmlReports;
import io.tsmtck.tck.report.JsonReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report of a run that did not finish (killed on timeout, crashed): built from the progress
 * log the runner keeps as tests finish, naming the rules that did not finish. Never CERTIFIED.
 */
public final class IncompleteReports {

    /** The progress log: a line as each test starts and finishes, "rule TAB status TAB name". */
    public static final String PROGRESS_FILE = "progress.log";

    private IncompleteReports() {
    }

    /**
     * Builds the report of an unfinished run from the progress log and the run identity in
     * {@code directory}: the rules that did not finish, and the test that was running at the end.
     */
    public static CertificationReport from(Path directory, RunConfig config, String reason) throws IOException {
        Progress progress = Progress.read(directory.resolve(PROGRESS_FILE));
        Map<String, Long> perRule = progress.finished.stream()
                .collect(Collectors.groupingBy(TestOutcomes.Outcome::ruleId, Collectors.counting()));
        Catalogue catalogue = Catalogue.standard().of(config.kit());
        List<RuleResult> rules = ReportFolder.rules(catalogue, progress.finished, Set.of(),
                EnumSet.allOf(VendorProfile.class));
        List<String> unfinished = catalogue.rules().stream()
                .filter(rule -> rule.isTestable() && !perRule.containsKey(rule.id()))
                .map(rule -> rule.id()).collect(Collectors.toList());
        List<String> problems = new ArrayList<>();
        problems.add(reason + running(progress.running()));
        problems.add("rules that did not finish: " + (unfinished.isEmpty() ? "none" : String.join(", ", unfinished)));
        Verdict verdict = config.isWholeKit() ? Verdict.NOT_CERTIFIED : Verdict.NOT_A_CERTIFICATION_RUN;
        RunIdentity identity = identity(directory, config);
        return new CertificationReport(verdict, false, identity.kit(), identity.implementation(),
                identity.environment(), ReportFolder.totals(rules, progress.finished), rules, problems,
                ReportFolder.implementFirst(progress.finished));
    }

    /**
     * Builds the report of an unfinished run ({@link #from}), with {@code transcript} (what went over
     * the device's mailbox, empty if nothing) as a problem of its own, and writes it as JSON and HTML.
     */
    public static CertificationReport write(Path directory, RunConfig config, String reason, String transcript)
            throws IOException {
        CertificationReport report = from(directory, config, reason);
        if (!transcript.isEmpty()) {
            List<String> problems = new ArrayList<>(report.problems());
            problems.add("what went over the device's mailbox until then:" + System.lineSeparator() + transcript);
            report = new CertificationReport(report.verdict(), report.complete(), report.kit(), report.implementation(),
                    report.environment(), report.totals(), report.rules(), problems, report.implementFirst());
        }
        JsonReports.write(report, directory);
        HtmlReports.write(report, directory);
        return report;
    }

    /** Which tests were running (rule id to name), as the end of the first problem's sentence. */
    private static String running(List<Map.Entry<String, String>> running) {
        List<String> tests = running.stream().map(test -> "the test " + test.getValue() + " of rule " + test.getKey())
                .toList();
        if (tests.isEmpty()) {
            return " (no test was running)";
        }
        return tests.size() == 1 ? " while " + tests.get(0) + " was running"
                : " while " + tests.size() + " tests were running (the kit runs tests at once; one of them did it): "
                        + String.join("; ", tests);
    }

    /** The identity the fork wrote, or what the run configuration tells if it wrote none. */
    private static RunIdentity identity(Path directory, RunConfig config) throws IOException {
        Path written = directory.resolve(ReportFiles.IDENTITY);
        if (Files.isRegularFile(written)) {
            return JsonReports.mapper().readValue(written.toFile(), RunIdentity.class);
        }
        String unknown = "unknown: the run ended before the kit found the provider";
        return new RunIdentity(new CertificationReport.Kit(unknown, Map.of(),
                Catalogue.standard().of(config.kit()).rules().size()),
                new CertificationReport.Implementation(config.provider().orElse(unknown), unknown, config.artifacts(),
                        Map.of(), Optional.empty()),
                new CertificationReport.Environment(System.getProperty("java.version"), System.getProperty("os.name"),
                        config.maven(), config.seed().orElseGet(KitConfig::seed),
                        Map.of(KitConfig.TIMEOUT_HAPPEN, config.timeoutHappenMillis()
                                        .orElseGet(() -> KitConfig.timeoutHappen().toMillis()),
                                KitConfig.TIMEOUT_ABSENT, config.timeoutAbsentMillis()
                                        .orElseGet(() -> KitConfig.timeoutAbsent().toMillis())),
                        List.of()));
    }

    private static final Set<String> STATUSES = EnumSet.allOf(TestStatus.class).stream().map(Enum::name)
            .collect(Collectors.toSet());

    /** What the progress log says: the finished tests, and those started but not finished (name to rule). */
    record Progress(List<TestOutcomes.Outcome> finished, LinkedHashMap<String, String> started) {

        static Progress read(Path log) throws IOException {
            Progress progress = new Progress(new ArrayList<>(), new LinkedHashMap<>());
            if (!Files.isRegularFile(log)) {
                return progress;
            }
            for (String line : Files.readAllLines(log)) {
                String[] fields = line.split("\t", -1);
                if (fields.length < 3) {
                    continue;
                }
                if (fields[1].equals(ProgressLog.STARTED)) {
                    progress.started.put(fields[2], fields[0]);
                } else if (STATUSES.contains(fields[1])) {
                    progress.started.remove(fields[2]);
                    progress.finished.add(new TestOutcomes.Outcome(fields[0], fields[2], TestStatus.valueOf(fields[1]),
                            fields.length > 3 ? ProgressLog.unescape(fields[3]) : "", "",
                            fields.length > 4 ? ProgressLog.unescape(fields[4]) : ""));
                }
                // anything else is a line the fork was writing when it ended
            }
            return progress;
        }

        /** The tests started and not finished, in the order they started: rule id to name. */
        List<Map.Entry<String, String>> running() {
            return started.entrySet().stream().map(e -> Map.entry(e.getValue(), e.getKey())).toList();
        }

        boolean anyStarted() {
            return !finished.isEmpty() || !started.isEmpty();
        }
    }

    /** Whether the progress log in {@code directory} shows that tests began (so the kit did run). */
    public static boolean testsBegan(Path directory) throws IOException {
        return Progress.read(directory.resolve(PROGRESS_FILE)).anyStarted();
    }
}
