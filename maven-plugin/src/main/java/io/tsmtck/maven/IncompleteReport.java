package io.tsmtck.maven;

import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.report.HtmlReports;
import io.tsmtck.tck.report.JsonReports;
import io.tsmtck.tck.runner.IncompleteReports;
import io.tsmtck.tck.runner.RunConfig;
import java.io.IOException;
import java.nio.file.Path;

/** Writes the report of a fork that did not finish, so that a hanging implementation still leaves one. */
final class IncompleteReport {

    private IncompleteReport() {
    }

    static CertificationReport write(Path output, RunConfig config, String reason) throws IOException {
        CertificationReport report = IncompleteReports.from(output, config, reason);
        JsonReports.write(report, output);
        HtmlReports.write(report, output);
        return report;
    }
}
