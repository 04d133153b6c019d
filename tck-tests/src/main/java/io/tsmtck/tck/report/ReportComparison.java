package io.tsmtck.tck.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Two certification reports of one subject (two firmware builds, two kernels) rule by rule: the rules
 * that newly fail, newly pass, became NOT_TESTED, changed their status otherwise, or kept their status
 * with other messages. Messages are compared with long hex runs masked (nonces, keys, digests change
 * from run to run), so that only a change in what was observed counts.
 *
 * @param baseline what the baseline report is (its path or name), for the output
 * @param current what the current report is
 * @param changes the rules whose result changed, in catalogue order of the current report
 */
public record ReportComparison(String baseline, String current, List<Change> changes) {

    /** How a rule's result changed. */
    public enum Kind {
        NEWLY_FAILED, NEWLY_PASSED, NOW_NOT_TESTED, STATUS_CHANGED, MESSAGE_CHANGED
    }

    /**
     * One rule's change.
     *
     * @param rule the rule id
     * @param before its status in the baseline ("absent" if the baseline has no such rule)
     * @param after its status now ("absent" if the current report has none)
     * @param kind the kind of change
     * @param detail what differs: the first message of the current report that the baseline lacks
     */
    public record Change(String rule, String before, String after, Kind kind, String detail) {
    }

    public ReportComparison {
        changes = List.copyOf(changes);
    }

    /** Reads both reports and compares them. */
    public static ReportComparison of(Path baseline, Path current) throws IOException {
        return of(baseline.toString(), JsonReports.mapper().readTree(baseline.toFile()), current.toString(),
                JsonReports.mapper().readTree(current.toFile()));
    }

    /** Compares two reports already read. */
    static ReportComparison of(String baselineName, JsonNode baseline, String currentName, JsonNode current) {
        Map<String, JsonNode> before = byId(baseline);
        Map<String, JsonNode> after = byId(current);
        String oldDevice = transport(baseline);
        String newDevice = transport(current);
        List<String> ids = new ArrayList<>(after.keySet());
        before.keySet().stream().filter(id -> !after.containsKey(id)).forEach(ids::add);
        List<Change> changes = new ArrayList<>();
        for (String id : ids) {
            String was = status(before.get(id));
            String is = status(after.get(id));
            TreeSet<String> oldMessages = messages(before.get(id), oldDevice);
            TreeSet<String> newMessages = messages(after.get(id), newDevice);
            String detail = newMessages.stream().filter(m -> !oldMessages.contains(m)).findFirst()
                    .map(ReportComparison::firstLine).orElse("");
            Kind kind = !was.equals(is) ? kind(is) : !oldMessages.equals(newMessages) ? Kind.MESSAGE_CHANGED : null;
            if (kind != null) {
                changes.add(new Change(id, was, is, kind, detail));
            }
        }
        return new ReportComparison(baselineName, currentName, changes);
    }

    /** Whether a rule fails now that did not before. */
    public boolean hasNewFailures() {
        return changes.stream().anyMatch(c -> c.kind() == Kind.NEWLY_FAILED);
    }

    /** The changes as a plain table for a build log. */
    public String table() {
        StringBuilder text = new StringBuilder(String.format("%-12s %-16s %-14s %-14s %s%n", "rule", "change",
                "before", "after", "what differs"));
        changes.forEach(c -> text.append(String.format("%-12s %-16s %-14s %-14s %s%n", c.rule(), c.kind(),
                c.before(), c.after(), c.detail())));
        return changes.isEmpty() ? "no rule changed between " + baseline + " and " + current + System.lineSeparator()
                : text.toString();
    }

    /** The changes as Markdown, for a CI comment. */
    public String markdown() {
        StringBuilder md = new StringBuilder("### TSM-TCK: ").append(current).append(" against ").append(baseline)
                .append("\n\n");
        if (changes.isEmpty()) {
            return md.append("No rule changed.\n").toString();
        }
        Map<Kind, Long> counts = changes.stream().collect(Collectors.groupingBy(Change::kind, LinkedHashMap::new,
                Collectors.counting()));
        md.append(counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase()
                .replace('_', ' ')).collect(Collectors.joining(", "))).append(".\n\n");
        md.append("| rule | change | before | after | what differs |\n|---|---|---|---|---|\n");
        changes.forEach(c -> md.append("| ").append(c.rule()).append(" | ").append(c.kind()).append(" | ")
                .append(c.before()).append(" | ").append(c.after()).append(" | ")
                .append(c.detail().replace("|", "\\|")).append(" |\n"));
        return md.toString();
    }

    private static Kind kind(String after) {
        return switch (after) {
            case "FAILED" -> Kind.NEWLY_FAILED;
            case "PASSED" -> Kind.NEWLY_PASSED;
            case "NOT_TESTED" -> Kind.NOW_NOT_TESTED;
            default -> Kind.STATUS_CHANGED;
        };
    }

    private static Map<String, JsonNode> byId(JsonNode report) {
        Map<String, JsonNode> rules = new LinkedHashMap<>();
        JsonNode list = report.path("rules");
        if (!list.isArray()) {
            throw new IllegalArgumentException("not a TSM-TCK certification report: no \"rules\" list");
        }
        list.forEach(rule -> rules.put(rule.path("id").asText(), rule));
        return rules;
    }

    private static String status(JsonNode rule) {
        return rule == null ? "absent" : rule.path("status").asText("absent");
    }

    /**
     * The messages of the rule's tests that did not pass, with long hex runs masked and the device's
     * address (a port that differs from run to run) named alike.
     */
    private static TreeSet<String> messages(JsonNode rule, String device) {
        if (rule == null) {
            return new TreeSet<>();
        }
        return StreamSupport.stream(rule.path("tests").spliterator(), false)
                .filter(test -> !"PASSED".equals(test.path("status").asText()))
                .map(test -> test.path("message").asText(""))
                .map(message -> device.isEmpty() ? message : message.replace(device, "<the device>"))
                .map(message -> message.replaceAll("[0-9a-fA-F]{16,}", "<hex>"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The transport a device report names (its address), empty for a host report. */
    private static String transport(JsonNode report) {
        return report.path("implementation").path("device").path("transport").asText("");
    }

    private static String firstLine(String message) {
        String[] lines = message.split("\\R");
        // the subject/actual lines say what was observed; the first names the rule
        for (String line : lines) {
            if (line.trim().startsWith("actual:")) {
                return line.trim();
            }
        }
        return lines[0].trim();
    }
}
