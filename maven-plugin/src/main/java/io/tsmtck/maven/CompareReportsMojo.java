package io.tsmtck.maven;

import io.tsmtck.tck.report.ReportComparison;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code tsm-tck:compare-reports}: two certification reports of one subject, rule by rule - the
 * rules that newly fail, newly pass, became NOT_TESTED, or changed their messages. Prints the table,
 * writes it as Markdown for a CI comment, and fails the build on a new failure when asked:
 * {@code mvn io.tsmtck:tsm-tck-maven-plugin:<version>:compare-reports -Dtsm-tck.baseline=last.json
 * -Dtsm-tck.report=target/tsm-tck-device/certification-report.json -Dtsm-tck.failOnNewFailure=true}.
 */
@Mojo(name = "compare-reports", requiresProject = false, threadSafe = true)
public final class CompareReportsMojo extends AbstractMojo {

    /** The report to compare against: the last build's, kept as a CI artifact. */
    @Parameter(property = "tsm-tck.baseline", required = true)
    private File baseline;

    /** The report of this build. */
    @Parameter(property = "tsm-tck.report", required = true)
    private File report;

    /** Where the Markdown goes (beside the report unless set). */
    @Parameter(property = "tsm-tck.comparison")
    private File comparison;

    /** Whether a rule that fails now and did not before fails the build. */
    @Parameter(property = "tsm-tck.failOnNewFailure", defaultValue = "false")
    private boolean failOnNewFailure;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        for (File file : new File[] {baseline, report}) {
            if (!file.isFile()) {
                throw new MojoExecutionException(file + " is not a file: give -Dtsm-tck.baseline=<the earlier"
                        + " certification-report.json> and -Dtsm-tck.report=<this build's>");
            }
        }
        ReportComparison compared;
        try {
            compared = ReportComparison.of(baseline.toPath(), report.toPath());
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoExecutionException("cannot compare " + baseline + " with " + report + ": "
                    + e.getMessage(), e);
        }
        compared.table().lines().forEach(line -> getLog().info("[tsm-tck] " + line));
        File markdown = comparison != null ? comparison : new File(report.getAbsoluteFile().getParentFile(),
                "comparison.md");
        try {
            Files.writeString(markdown.toPath(), compared.markdown());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + markdown + ": " + e.getMessage(), e);
        }
        getLog().info("[tsm-tck] comparison written to " + markdown);
        if (failOnNewFailure && compared.hasNewFailures()) {
            throw new MojoFailureException("rules fail now that did not in " + baseline + ": "
                    + compared.changes().stream().filter(c -> c.kind() == ReportComparison.Kind.NEWLY_FAILED)
                    .map(ReportComparison.Change::rule).toList());
        }
    }
}
