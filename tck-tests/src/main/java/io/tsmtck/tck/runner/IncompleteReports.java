package io.tsmtck.tck.runner;

import io.tsmtck.api.VendorProfile;
import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.report.CertificationReport.RuleResult;
import io.tsmtck.tck.report.CertificationReport.TestStatus;
import io.tsmtck.tck.report.CertificationReport.Verdict;
import io.tsmtck.tck.report.CertificationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
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

    /** The progress log: one line per finished test, "rule TAB status TAB name". */
    public static final String PROGRESS_FILE = "progress.log";

    private IncompleteReports() {
    }

    /** Builds the report of an unfinished run from the progress log in {@code directory}. */
    public static CertificationReport from(Path directory, RunConfig config, String reason) throws IOException {
        Path progress = directory.resolve(PROGRESS_FILE);
        List<TestOutcomes.Outcome> finished = new ArrayList<>();
        if (Files.isRegularFile(progress)) {
            for (String line : Files.readAllLines(progress)) {
                String[] fields = line.split("\t", 3);
                if (fields.length == 3) {
                    finished.add(new TestOutcomes.Outcome(fields[0], fields[2], TestStatus.valueOf(fields[1]), "", ""));
                }
            }
        }
        Map<String, Long> perRule = finished.stream()
                .collect(Collectors.groupingBy(TestOutcomes.Outcome::ruleId, Collectors.counting()));
        List<RuleResult> rules = ReportFolder.rules(Catalogue.standard(), finished, Set.of(),
                EnumSet.allOf(VendorProfile.class));
        List<String> unfinished = Catalogue.standard().rules().stream()
                .filter(rule -> rule.isTestable() && !perRule.containsKey(rule.id()))
                .map(rule -> rule.id()).collect(Collectors.toList());
        List<String> problems = new ArrayList<>();
        problems.add(reason);
        problems.add("rules that did not finish: " + (unfinished.isEmpty() ? "none" : String.join(", ", unfinished)));
        Verdict verdict = config.isWholeKit() ? Verdict.NOT_CERTIFIED : Verdict.NOT_A_CERTIFICATION_RUN;
        return new CertificationReport(verdict, false,
                new CertificationReport.Kit("unknown (the run did not finish)", Map.of(),
                        Catalogue.standard().rules().size()),
                new CertificationReport.Implementation("unknown (the run did not finish)", "", config.artifacts(),
                        Map.of(), Optional.empty()),
                new CertificationReport.Environment(System.getProperty("java.version"), System.getProperty("os.name"),
                        config.maven(), config.seed().orElse(0L), Map.of(), List.of()),
                ReportFolder.totals(rules, finished), rules, problems);
    }
}
