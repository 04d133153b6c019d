package io.tsmtck.tck.catalogue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders the catalogue as a Markdown page for people; generated, never written by hand. */
public final class CataloguePage {

    private CataloguePage() {
    }

    /** The page, without the tests and faults of each rule. */
    public static String markdown(Catalogue catalogue) {
        return markdown(catalogue, Map.of(), Map.of());
    }

    /**
     * The page, each rule with its tests ({@code tests}: {@code Class.method} by rule id) and the faults of the
     * reference implementation that break it ({@code faults}: fault names by rule id; empty where the reference
     * is not at hand).
     */
    public static String markdown(Catalogue catalogue, Map<String, List<String>> tests,
                                  Map<String, List<String>> faults) {
        StringBuilder page = new StringBuilder("# TSM-TCK rule catalogue\n\n");
        List<PeerCase> peers = PeerSuites.cases();
        page.append("Generated from `rules.yaml`; ").append(catalogue.rules().size()).append(" rules, ")
                .append(catalogue.rules().stream().filter(Rule::isTestable).count()).append(" testable.\n");
        if (!tests.isEmpty() || !faults.isEmpty()) {
            page.append("\nA rule's tests are under `tck-tests/src/main/java/io/tsmtck/tck/tests/` (`area/Class.method`);"
                    + " a reference fault's name stands at the reference code it breaks (search for it under"
                    + " `reference-impl/src/main/java`), and `Fault.java` says what it does.\n");
        }
        for (Area area : Area.values()) {
            page.append("\n## ").append(area).append("\n\n| id | level | statement | source | provenance | notes |\n")
                    .append("|---|---|---|---|---|---|\n");
            catalogue.rules().stream().filter(rule -> rule.area() == area).forEach(rule -> page.append("| ")
                    .append(rule.id()).append(" | ").append(rule.level()).append(" | ").append(cell(rule.statement()))
                    .append(" | ").append(cell(rule.source())).append(" | ").append(rule.provenance())
                    .append(" | ").append(cell(notes(rule, peers, tests.getOrDefault(rule.id(), List.of()),
                            faults.getOrDefault(rule.id(), List.of())))).append(" |\n"));
        }
        page.append("\n## Peer suites\n\nThe public suites case by case: the rules that check what a case checks, or"
                + " why the kit leaves it out (`").append(PeerSuites.RESOURCE).append("`).\n\n")
                .append(TABLE_HEAD);
        peers.forEach(c -> row(page, c));
        page.append("\n## Catalogue reviews\n\nThe outside reviews of the catalogue, finding by finding: the rules"
                + " that now carry each, or how the kit answers it (`").append(PeerSuites.REVIEWS).append("`).\n\n")
                .append(TABLE_HEAD);
        PeerSuites.reviews().forEach(c -> row(page, c));
        return page.toString();
    }

    private static final String TABLE_HEAD = "| suite | case | what it checks | rules | not checked by them, or why"
            + " not |\n|---|---|---|---|---|\n";

    private static void row(StringBuilder page, PeerCase c) {
        page.append("| ").append(c.suite()).append(" | ").append(cell(c.id())).append(" | ").append(cell(c.checks()))
                .append(" | ").append(String.join(", ", c.rules())).append(" | ")
                .append(cell(c.missing().isBlank() ? c.outOfScope() : "not checked: " + c.missing())).append(" |\n");
    }

    private static String notes(Rule rule, List<PeerCase> peerCases, List<String> tests, List<String> faults) {
        StringBuilder notes = new StringBuilder();
        if (!rule.isTestable()) {
            notes.append("not testable: ").append(rule.whyUntestable().orElse("")).append(' ');
        }
        if (!rule.conditions().isEmpty()) {
            notes.append("applies when ").append(rule.conditions().stream().map(Condition::when)
                    .collect(Collectors.joining(" and "))).append(". ");
        }
        if (!rule.hooks().isEmpty()) {
            notes.append("test hooks ").append(rule.hooks().stream().map(Enum::name)
                    .collect(Collectors.joining(", "))).append(". ");
        }
        if (!rule.profiles().isEmpty()) {
            notes.append("profiles ").append(rule.profiles()).append(". ");
        }
        if (!rule.uapi().isEmpty()) {
            notes.append("needs beyond mainline ").append(rule.uapi().stream().map(e -> e.label())
                    .collect(Collectors.joining(", "))).append(". ");
        }
        if (rule.kit() == Kit.HOST) {
            notes.append(rule.hooks().isEmpty() ? "uapi and lab profiles. " : "lab profile. ");
        }
        notes.append(rule.note()).append(" (since ").append(rule.since()).append(')');
        notes.append(" If it fails, check: ").append(rule.hint());
        List<String> peers = peerCases.stream().filter(c -> c.rules().contains(rule.id()))
                .map(c -> c.suite() + " " + c.id()).toList();
        if (!peers.isEmpty()) {
            notes.append(" Peer cases: ").append(String.join(", ", peers)).append('.');
        }
        if (!tests.isEmpty()) {
            notes.append(" Tests: ").append(tests.stream().map(t -> "`" + t + "`").collect(Collectors.joining(", ")))
                    .append('.');
        }
        if (!faults.isEmpty()) {
            notes.append(" Reference faults: ").append(faults.stream().map(f -> "`" + f + "`")
                    .collect(Collectors.joining(", "))).append('.');
        }
        return notes.toString().trim();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
