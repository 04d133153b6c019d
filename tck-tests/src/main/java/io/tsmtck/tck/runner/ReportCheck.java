package io.tsmtck.tck.runner;

import io.tsmtck.api.UapiLevel;
import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.Kit;
import io.tsmtck.tck.catalogue.Level;
import io.tsmtck.tck.catalogue.Rule;
import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.report.CertificationReport.TestStatus;
import io.tsmtck.tck.report.JsonReports;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether the report a fork left is the run the plugin watched. The fork runs the implementation in
 * its own JVM, so whatever it leaves in the report directory could be the implementation's: a
 * copied CERTIFIED report, a report of a run cut short. The plugin judges a report only when it
 * agrees with what the plugin observed itself: the nonce it handed the fork, the run identity the
 * fork wrote before its first test, the progress log written as tests ran, and the jars on the
 * classpath the plugin built.
 */
public final class ReportCheck {

    private ReportCheck() {
    }

    /** What in {@code report} disagrees with the run; empty when it is this run's report. */
    public static List<String> inconsistencies(CertificationReport report, Path directory, String nonce,
                                               List<File> classpath) throws IOException {
        List<String> found = new ArrayList<>();
        if (!report.environment().runNonce().equals(nonce)) {
            found.add("it carries the nonce '" + report.environment().runNonce() + "', not the one the plugin handed"
                    + " this run: it is not this run's report");
        }
        Path identityFile = directory.resolve(ReportFiles.IDENTITY);
        if (!Files.isRegularFile(identityFile)) {
            found.add("the fork wrote no " + ReportFiles.IDENTITY + " before its tests");
        } else {
            RunIdentity identity = JsonReports.mapper().readValue(identityFile.toFile(), RunIdentity.class);
            if (!identity.kit().equals(report.kit())) {
                found.add("it names the kit " + report.kit() + " where " + ReportFiles.IDENTITY + " names "
                        + identity.kit());
            }
            if (!sameImplementation(identity.implementation(), report.implementation())) {
                found.add("it names the implementation " + report.implementation().provider() + " ("
                        + report.implementation().sha256() + ") where " + ReportFiles.IDENTITY + " names "
                        + identity.implementation().provider() + " (" + identity.implementation().sha256() + ")");
            }
            if (!identity.environment().runNonce().equals(report.environment().runNonce())) {
                found.add("its nonce differs from the one in " + ReportFiles.IDENTITY);
            }
        }
        found.addAll(againstProgress(report, directory));
        found.addAll(againstClasspath(report, classpath));
        return found;
    }

    private static boolean sameImplementation(CertificationReport.Implementation a,
                                              CertificationReport.Implementation b) {
        return a.provider().equals(b.provider()) && a.name().equals(b.name()) && a.sha256().equals(b.sha256())
                && a.artifacts().equals(b.artifacts());
    }

    /**
     * The report's scope must be the one the plugin asked for: its certification profile, and the
     * rules outside the profile or the stack's declared uAPI, and only those, NOT_APPLICABLE for it
     * with no test, as the catalogue fixes them; a provider cannot move a rule out of its profile.
     */
    public static List<String> againstScope(CertificationReport report, RunConfig config) {
        List<String> found = new ArrayList<>();
        if (config.kit() != Kit.HOST) {
            return found;
        }
        if (!report.environment().profile().equals(config.profile().toString())) {
            found.add("it names the profile '" + report.environment().profile() + "' where the plugin asked for '"
                    + config.profile() + "'");
            return found;
        }
        UapiLevel uapi;
        try {
            uapi = ReportFolder.Scope.declaredUapi(report);
        } catch (IllegalArgumentException e) {
            found.add(e.getMessage());
            return found;
        }
        ReportFolder.Scope scope = new ReportFolder.Scope(config.profile(), uapi);
        Map<String, CertificationReport.RuleResult> byId = report.rules().stream()
                .collect(Collectors.toMap(CertificationReport.RuleResult::id, r -> r, (a, b) -> a));
        for (Rule rule : Catalogue.standard().of(Kit.HOST).rules()) {
            CertificationReport.RuleResult reported = byId.get(rule.id());
            Optional<String> outside = scope.excludes(rule);
            if (reported == null || !rule.isTestable() || reported.status() == CertificationReport.RuleStatus.EXCLUDED) {
                continue; // untestable and excluded rules are so in every scope
            }
            boolean ruledOut = reported.status() == CertificationReport.RuleStatus.NOT_APPLICABLE
                    && reported.tests().isEmpty();
            // in scope, only a rule of other vendor profiles is ruled out without a test
            boolean reportedOutside = outside.isPresent() ? ruledOut && List.of(outside.get()).equals(reported.reasons())
                    : ruledOut && rule.profiles().isEmpty();
            if (outside.isPresent() != reportedOutside) {
                found.add("it reports " + rule.id() + " " + reported.status() + (outside.isPresent() ? ", which is "
                        + outside.get() : " as outside its scope, which the catalogue has in the "
                        + config.profile().label() + " at " + uapi.describe()));
            }
        }
        return found;
    }

    /** The report's tests must be the tests the progress log saw finish, each with the same status. */
    static List<String> againstProgress(CertificationReport report, Path directory) throws IOException {
        List<String> found = new ArrayList<>();
        IncompleteReports.Progress progress = IncompleteReports.Progress.read(
                directory.resolve(IncompleteReports.PROGRESS_FILE));
        if (!progress.running().isEmpty()) {
            found.add(progress.running().size() + " test(s) started and never finished, first "
                    + progress.running().get(0).getValue() + " of rule " + progress.running().get(0).getKey());
        }
        Map<String, Long> logged = progress.finished().stream().collect(Collectors.groupingBy(
                o -> o.ruleId() + " " + o.status() + " " + o.name(), Collectors.counting()));
        Map<String, Long> reported = report.rules().stream().flatMap(rule -> rule.tests().stream()
                .map(test -> rule.id() + " " + test.status() + " " + test.name()))
                .collect(Collectors.groupingBy(key -> key, Collectors.counting()));
        if (!logged.equals(reported)) {
            Map<String, Long> onlyReported = new HashMap<>(reported);
            logged.forEach((key, count) -> onlyReported.computeIfPresent(key, (k, c) -> c - count > 0 ? c - count
                    : null));
            found.add("its tests are not those the progress log saw finish (" + progress.finished().size()
                    + " finished, " + reported.values().stream().mapToLong(Long::longValue).sum() + " reported"
                    + onlyReported.keySet().stream().sorted().findFirst().map(k -> "; reported, not logged: " + k)
                    .orElse("") + ")");
        }
        if (report.verdict() == CertificationReport.Verdict.CERTIFIED) {
            progress.finished().stream().filter(o -> o.status() == TestStatus.FAILED
                    || o.status() == TestStatus.NOT_TESTED)
                    .filter(o -> report.rules().stream().anyMatch(r -> r.id().equals(o.ruleId())
                            && r.level().equals(Level.MUST.name())))
                    .findFirst().ifPresent(o -> found.add("it is CERTIFIED although the MUST rule " + o.ruleId()
                            + " has a test " + o.status() + " in the progress log (" + o.name() + ")"));
        }
        return found;
    }

    /** Every jar the report hashes must be on the plugin's classpath with that hash. */
    private static List<String> againstClasspath(CertificationReport report, List<File> classpath) {
        Map<String, String> hashes = new HashMap<>(report.kit().sha256());
        hashes.putAll(report.implementation().sha256());
        List<String> found = new ArrayList<>();
        hashes.forEach((name, sha) -> {
            List<File> jars = classpath.stream().filter(f -> f.getName().equals(name)).toList();
            if (jars.isEmpty()) {
                found.add("it hashes " + name + ", which is not on the run's classpath");
            } else if (jars.stream().noneMatch(jar -> Objects.equals(sha, sha256(jar.toPath())))) {
                found.add("its SHA-256 of " + name + " is not that of the jar on the run's classpath");
            }
        });
        return found;
    }

    private static String sha256(Path jar) {
        try {
            return Hashes.sha256(jar);
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
