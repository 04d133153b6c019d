package io.tsmtck.tck.report;

import io.tsmtck.tck.report.CertificationReport.RuleResult;
import io.tsmtck.tck.report.CertificationReport.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders {@code certification-report.html}: one self-contained page a reviewer reads (verdict,
 * identity and hashes, totals, rules by area, failure details with hint and transcript). No
 * scripts, no external resources.
 */
public final class HtmlReports {

    /** The page's file name. */
    public static final String FILE = "certification-report.html";

    private static final String STYLE = "body{font-family:sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;"
            + "vertical-align:top;text-align:left}.PASSED{color:#176f2c}.FAILED{color:#b00020;font-weight:bold}"
            + ".NOT_TESTED{color:#8a5a00;font-weight:bold}.NOT_APPLICABLE,.UNTESTABLE,.EXCLUDED{color:#777}"
            + "#verdict{font-size:2em;padding:.5em;border:3px solid}"
            + "#verdict.CERTIFIED{border-color:#176f2c}#verdict.NOT_CERTIFIED{border-color:#b00020}"
            + "pre{background:#f6f6f6;padding:.5em;white-space:pre-wrap}";

    private HtmlReports() {
    }

    /** Writes the page into {@code directory}; returns the file. */
    public static Path write(CertificationReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE);
        Files.writeString(file, render(report));
        return file;
    }

    /** The page. */
    public static String render(CertificationReport report) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>TSM-TCK certification report</title><style>").append(STYLE).append("</style></head><body>")
                .append("<h1>TSM-TCK certification report</h1>")
                .append("<div id=\"verdict\" class=\"").append(report.verdict()).append("\">").append(report.verdict())
                .append(report.complete() ? "" : " (incomplete)")
                .append(escape(report.implementation().declared().map(d -> ", " + report.environment().profile()
                        + " profile, " + d.uapi()).orElse(""))).append("</div>");
        report.problems().forEach(p -> html.append("<p class=\"FAILED\">").append(escape(p)).append("</p>"));
        failures(report.rules(), html);
        notObserved(report.rules(), html);
        implementFirst(report.implementFirst(), html);
        identity(report, html);
        CertificationReport.Totals t = report.totals();
        html.append("<h2>Totals</h2><table id=\"totals\"><tr><th>rules</th><th>MUST</th><th>passed</th><th>failed</th>")
                .append("<th>not tested</th><th>not applicable</th><th>untestable</th><th>excluded</th>")
                .append("<th>tests executed</th><th>tests not tested</th><th>tests not applicable</th></tr><tr>");
        for (long n : new long[] {t.rules(), t.mustRules(), t.passed(), t.failed(), t.notTested(), t.notApplicable(),
            t.untestable(), t.excluded(), t.testsExecuted(), t.testsNotTested(), t.testsNotApplicable()}) {
            html.append("<td>").append(n).append("</td>");
        }
        html.append("</tr></table>");
        cost(t, html);
        rules(report.rules(), html);
        return html.append("</body></html>").toString();
    }

    private static void cost(CertificationReport.Totals totals, StringBuilder html) {
        html.append("<h2>Where the time went</h2><table id=\"cost\"><tr><th>area</th><th>ms (tests)</th>")
                .append("<th>SPI calls</th><th>stacks built</th><th>device frames</th><th>device bytes</th>")
                .append("<th>ms waiting on the device</th></tr>");
        totals.areaCost().forEach((area, cost) -> costRow(html, area, cost));
        costRow(html, "all", totals.cost());
        html.append("</table>");
    }

    private static void costRow(StringBuilder html, String what, CertificationReport.Cost cost) {
        html.append("<tr><td>").append(escape(what)).append("</td><td>").append(cost.millis()).append("</td><td>")
                .append(cost.spiCalls()).append("</td><td>").append(cost.stacks()).append("</td><td>")
                .append(cost.deviceFrames()).append("</td><td>").append(cost.deviceBytes()).append("</td><td>")
                .append(cost.deviceWaitMillis()).append("</td></tr>");
    }

    private static void implementFirst(List<CertificationReport.Blocker> blockers, StringBuilder html) {
        if (blockers.isEmpty()) {
            return;
        }
        html.append("<h2>Implement first</h2><p>These refused setup steps kept rules from being checked; each ")
                .append("fix lets the rules behind it run.</p><table id=\"implement-first\"><tr><th>refused step</th>")
                .append("<th>rules blocked</th><th>tests blocked</th></tr>");
        for (CertificationReport.Blocker blocker : blockers) {
            html.append("<tr><td>").append(escape(blocker.refusal())).append("</td><td>").append(blocker.rules())
                    .append("</td><td>").append(blocker.tests()).append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void identity(CertificationReport report, StringBuilder html) {
        html.append("<h2>What was tested</h2><table id=\"identity\">");
        row(html, "kit version", report.kit().version());
        report.kit().sha256().forEach((file, hash) -> row(html, "kit " + file, hash));
        row(html, "implementation", report.implementation().name() + " (" + report.implementation().provider() + ")");
        row(html, "artifacts", String.join(", ", report.implementation().artifacts()));
        report.implementation().declared().ifPresent(d -> {
            row(html, "declared profiles", String.join(", ", d.profiles()));
            row(html, "declared topology", d.maxDsms() + " DSM(s), " + d.maxFunctionsPerDsm() + " PF(s) and "
                    + d.maxVfsPerDsm() + " VF(s) per DSM");
            row(html, "declared test hooks", d.hooks().isEmpty() ? "none" : String.join(", ", d.hooks()));
            row(html, "declared kernel uAPI", d.uapi());
            row(html, "certification profile", report.environment().profile());
            if (!d.inventory().isEmpty()) {
                row(html, "fixed devices (inventory mode)", String.join("; ", d.inventory()));
            }
        });
        report.implementation().device().ifPresent(d -> {
            row(html, "device transport", d.transport());
            row(html, "device certificate", d.certificateSubject());
            row(html, "certificate chain digest", d.chainDigest());
            row(html, "SPDM version", d.spdmVersion());
            row(html, "SPDM capabilities", d.capabilities());
            row(html, "SPDM algorithms", d.algorithms());
            row(html, "TDISP version", d.tdispVersion());
            row(html, "TDISP capabilities", d.tdispCapabilities());
            row(html, "functions tested", String.join(", ", d.functions()));
            row(html, "device measurements", String.join("; ", d.measurements()));
            row(html, "rig", d.rig());
        });
        report.implementation().sha256().forEach((file, hash) -> row(html, "implementation " + file, hash));
        row(html, "java", report.environment().java());
        row(html, "os", report.environment().os());
        row(html, "maven", report.environment().maven().orElse("-"));
        row(html, "seed", Long.toString(report.environment().seed()));
        row(html, "timeouts (ms)", report.environment().timeouts().toString());
        row(html, "selection", report.environment().selection().isEmpty() ? "whole kit"
                : String.join(", ", report.environment().selection()));
        html.append("</table>");
    }

    private static void rules(List<RuleResult> rules, StringBuilder html) {
        Map<String, List<RuleResult>> byArea = rules.stream()
                .collect(Collectors.groupingBy(RuleResult::area, LinkedHashMap::new, Collectors.toList()));
        html.append("<h2>Rules</h2>");
        byArea.forEach((area, list) -> {
            html.append("<h3>").append(escape(area)).append("</h3><table class=\"rules\"><tr><th>rule</th>")
                    .append("<th>level</th><th>status</th><th>tests</th><th>statement</th><th>source</th>")
                    .append("<th>provenance</th>")
                    .append("<th>why not run</th><th>ms</th><th>SPI calls</th><th>device frames</th>")
                    .append("<th>ms waiting on the device</th></tr>");
            for (RuleResult rule : list) {
                html.append("<tr id=\"").append(rule.id()).append("\"><td>").append(rule.id()).append("</td><td>")
                        .append(rule.level()).append("</td><td class=\"").append(rule.status()).append("\">")
                        .append(rule.status()).append("</td><td>").append(rule.tests().size()).append("</td><td>")
                        .append(escape(rule.statement())).append("</td><td>").append(escape(rule.source()))
                        .append("</td><td class=\"provenance\">").append(escape(rule.provenance()))
                        .append("</td><td class=\"reasons\">").append(escape(String.join("; ", rule.reasons())))
                        .append("</td><td>").append(rule.cost().millis()).append("</td><td>")
                        .append(rule.cost().spiCalls()).append("</td><td>").append(rule.cost().deviceFrames())
                        .append("</td><td>").append(rule.cost().deviceWaitMillis()).append("</td></tr>");
            }
            html.append("</table>");
        });
    }

    private static void failures(List<RuleResult> rules, StringBuilder html) {
        List<RuleResult> failed = rules.stream().filter(r -> r.status() == CertificationReport.RuleStatus.FAILED)
                .collect(Collectors.toList());
        if (failed.isEmpty()) {
            return;
        }
        html.append("<h2 id=\"failures\">Failures</h2><p>Each failed rule, what the kit observed and what went"
                + " over the wire, first: where a device or host team starts.</p>");
        for (RuleResult rule : failed) {
            html.append("<h3 class=\"FAILED\">").append(rule.id()).append(" (").append(rule.level()).append(")</h3>")
                    .append("<p>").append(escape(rule.statement())).append("</p>");
            html.append("<p><b>If this fails, check:</b> ").append(escape(rule.hint())).append("</p>");
            for (TestResult test : rule.tests()) {
                if (test.status() == CertificationReport.TestStatus.FAILED) {
                    html.append("<p><b>").append(escape(test.name())).append("</b></p><pre>")
                            .append(escape(test.message())).append("</pre>");
                    if (!test.transcript().isEmpty()) {
                        html.append("<p>Transcript</p><pre>").append(escape(test.transcript())).append("</pre>");
                    }
                    if (!test.sessions().isEmpty()) {
                        html.append("<p>Sessions it opened (id, TH2 hash)</p><pre>")
                                .append(escape(String.join("\n", test.sessions()))).append("</pre>");
                    }
                }
            }
        }
    }

    /** The rules whose behaviour was not observed, and what blocked each: the other half of the verdict. */
    private static void notObserved(List<RuleResult> rules, StringBuilder html) {
        List<RuleResult> notTested = rules.stream().filter(r -> r.status() == CertificationReport.RuleStatus.NOT_TESTED)
                .collect(Collectors.toList());
        if (notTested.isEmpty()) {
            return;
        }
        html.append("<h2 id=\"not-observed\">Not observed</h2><p>The kit could not observe these rules: a set-up step")
                .append(" was refused or a hook is missing. Nothing is known of them, and a MUST rule among them keeps")
                .append(" the run from CERTIFIED.</p><table class=\"rules\"><tr><th>rule</th><th>level</th>")
                .append("<th>cases passed</th><th>cases not tested</th><th>why</th></tr>");
        for (RuleResult rule : notTested) {
            html.append("<tr><td><a href=\"#").append(rule.id()).append("\">").append(rule.id()).append("</a></td><td>")
                    .append(rule.level()).append("</td><td>").append(count(rule, CertificationReport.TestStatus.PASSED))
                    .append("</td><td>").append(count(rule, CertificationReport.TestStatus.NOT_TESTED))
                    .append("</td><td class=\"reasons\">").append(escape(String.join("; ", rule.reasons())))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static long count(RuleResult rule, CertificationReport.TestStatus status) {
        return rule.tests().stream().filter(t -> t.status() == status).count();
    }

    private static void row(StringBuilder html, String key, String value) {
        html.append("<tr><th>").append(escape(key)).append("</th><td>").append(escape(value)).append("</td></tr>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
