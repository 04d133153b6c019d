package io.tsmtck.tck.runner;

import io.tsmtck.api.VendorProfile;
import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.CertificationProfile;
import io.tsmtck.tck.catalogue.Kit;
import io.tsmtck.tck.catalogue.Rule;
import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.report.CertificationReport.RuleResult;
import io.tsmtck.tck.report.CertificationReport.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a certification report is what the kit that reads it would have written from the same test
 * results: {@code tsm-tck:verify-report}. It recomputes, from the per-test results the report carries
 * and the catalogue of this kit, every rule's status and reasons, the totals and the verdict (with the
 * profile, uAPI level and selection the report records), and checks the kit version, the catalogue
 * digest, each rule's text, and, when the run's progress log lies beside the report, that the tests
 * are those the run logged as they finished. A reviewer learns which of these holds.
 */
public final class ReportVerification {

    /** One check: what was checked, and what disagrees (empty when it holds). */
    public record Check(String what, List<String> found) {

        public Check {
            found = List.copyOf(found);
        }

        public boolean holds() {
            return found.isEmpty();
        }
    }

    private ReportVerification() {
    }

    /** The checks of {@code report}, read from {@code directory} (where its progress log may lie). */
    public static List<Check> verify(CertificationReport report, Path directory) throws IOException {
        Kit kit = report.implementation().device().isPresent() ? Kit.DEVICE : Kit.HOST;
        Catalogue catalogue = Catalogue.standard().of(kit);
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("the kit version is this kit's (" + KitRunner.kitVersion() + ")",
                Objects.equals(report.kit().version(), KitRunner.kitVersion()) ? List.of()
                        : List.of("the report names kit " + report.kit().version())));
        checks.add(new Check("the catalogue digest is this kit's (SHA-256 " + Catalogue.sha256() + ")",
                report.kit().catalogueSha256().equals(Catalogue.sha256()) ? List.of()
                        : List.of("the report records '" + report.kit().catalogueSha256() + "'")));
        checks.add(new Check("every rule of the " + kit + " kit's catalogue is there once, as the catalogue"
                + " states it", ruleTexts(report, catalogue)));
        List<TestOutcomes.Outcome> outcomes = outcomes(report);
        List<RuleResult> recomputed = ReportFolder.rules(catalogue, outcomes, KitRunner.excludedRules(),
                profiles(report, kit), scope(report, kit));
        checks.add(new Check("every rule's status and reasons follow from its tests", statuses(report, recomputed)));
        checks.add(new Check("the totals follow from the rules and tests",
                ReportFolder.totals(recomputed, outcomes).equals(report.totals()) ? List.of()
                        : List.of("the report's totals are " + report.totals() + ", the tests give "
                        + ReportFolder.totals(recomputed, outcomes))));
        checks.add(new Check("the verdict follows from the rules, the selection and the problems",
                verdict(report, recomputed, outcomes)));
        Path progress = directory.resolve(IncompleteReports.PROGRESS_FILE);
        checks.add(Files.isRegularFile(progress)
                ? new Check("the tests are those the run's progress log saw finish, with the same statuses",
                ReportCheck.againstProgress(report, directory))
                : new Check("no progress log beside the report (" + IncompleteReports.PROGRESS_FILE + "): the tests"
                + " were not checked against what the run logged", List.of()));
        return checks;
    }

    private static List<String> ruleTexts(CertificationReport report, Catalogue catalogue) {
        List<String> found = new ArrayList<>();
        Map<String, Long> counts = report.rules().stream().collect(Collectors.groupingBy(RuleResult::id,
                LinkedHashMap::new, Collectors.counting()));
        counts.forEach((id, n) -> {
            if (catalogue.rule(id).isEmpty()) {
                found.add(id + " is not a rule of this kit's catalogue");
            } else if (n > 1) {
                found.add(id + " appears " + n + " times");
            }
        });
        for (Rule rule : catalogue.rules()) {
            Optional<RuleResult> reported = report.rules().stream().filter(r -> r.id().equals(rule.id())).findFirst();
            if (reported.isEmpty()) {
                found.add(rule.id() + " is missing");
                continue;
            }
            RuleResult r = reported.get();
            Map<String, Boolean> same = new LinkedHashMap<>();
            same.put("level", r.level().equals(rule.level().name()));
            same.put("area", r.area().equals(rule.area().name()));
            same.put("statement", r.statement().equals(rule.statement()));
            same.put("source", r.source().equals(rule.source()));
            same.put("provenance", r.provenance().equals(rule.provenance().name()));
            same.put("hint", r.hint().equals(rule.hint()));
            same.forEach((field, equal) -> {
                if (!equal) {
                    found.add(rule.id() + ": its " + field + " is not the catalogue's");
                }
            });
        }
        return found;
    }

    private static List<TestOutcomes.Outcome> outcomes(CertificationReport report) {
        return report.rules().stream().flatMap(rule -> rule.tests().stream().map(test -> new TestOutcomes.Outcome(
                rule.id(), test.name(), test.status(), test.message(), test.transcript(), "", test.cost())))
                .collect(Collectors.toList());
    }

    private static Set<VendorProfile> profiles(CertificationReport report, Kit kit) {
        if (kit == Kit.DEVICE) {
            return EnumSet.allOf(VendorProfile.class);
        }
        Set<VendorProfile> declared = EnumSet.noneOf(VendorProfile.class);
        report.implementation().declared().ifPresent(d -> d.profiles().forEach(p -> declared.add(
                VendorProfile.valueOf(p))));
        return declared.isEmpty() ? EnumSet.allOf(VendorProfile.class) : declared;
    }

    private static ReportFolder.Scope scope(CertificationReport report, Kit kit) {
        if (kit == Kit.DEVICE || report.environment().profile().isEmpty()) {
            return ReportFolder.Scope.ALL;
        }
        return new ReportFolder.Scope(CertificationProfile.parse(report.environment().profile()),
                ReportFolder.Scope.declaredUapi(report));
    }

    private static List<String> statuses(CertificationReport report, List<RuleResult> recomputed) {
        List<String> found = new ArrayList<>();
        for (RuleResult expected : recomputed) {
            report.rules().stream().filter(r -> r.id().equals(expected.id())).findFirst().ifPresent(r -> {
                if (r.status() != expected.status()) {
                    found.add(r.id() + " is " + r.status() + ", its tests make it " + expected.status());
                } else if (!r.reasons().equals(expected.reasons())) {
                    found.add(r.id() + ": its reasons " + r.reasons() + " are not its tests' " + expected.reasons());
                }
            });
        }
        return found;
    }

    private static List<String> verdict(CertificationReport report, List<RuleResult> rules,
                                        List<TestOutcomes.Outcome> outcomes) {
        List<String> found = new ArrayList<>();
        boolean wholeKit = report.environment().selection().isEmpty();
        List<String> problems = new ArrayList<>(report.problems());
        if (!wholeKit && problems.stream().noneMatch(p -> p.contains("not the whole kit"))) {
            found.add("it ran a selection (" + report.environment().selection() + ") and does not say so");
        }
        if (outcomes.isEmpty() && problems.stream().noneMatch(p -> p.contains("no test ran"))) {
            found.add("no test ran and it does not say so");
            problems.add("no test ran");
        }
        if (!report.complete()) {
            problems.add("incomplete");
        }
        Verdict expected = report.complete() || !wholeKit ? ReportFolder.verdict(wholeKit, rules, problems)
                : Verdict.NOT_CERTIFIED;
        if (report.verdict() != expected) {
            found.add("the verdict is " + report.verdict() + ", its rules and problems make it " + expected);
        }
        return found;
    }
}
