package io.tsmtck.maven;

import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.report.JsonReports;
import io.tsmtck.tck.report.ReportSignature;
import io.tsmtck.tck.runner.ReportVerification;
import java.io.File;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code tsm-tck:verify-report}: whether a certification report is what this kit writes from the test
 * results it carries - the verdict, each rule's status, the totals, the rules' text, the kit version
 * and catalogue digest, and the tests against the run's progress log when it lies beside the report.
 * Prints each check and fails the build on any that does not hold:
 * {@code mvn io.tsmtck:tsm-tck-maven-plugin:<version>:verify-report -Dtsm-tck.report=certification-report.json}.
 */
@Mojo(name = "verify-report", requiresProject = false, threadSafe = true)
public final class VerifyReportMojo extends AbstractMojo {

    /** The report to verify. */
    @Parameter(property = "tsm-tck.report", required = true)
    private File report;

    /**
     * The certificate (DER or PEM) a signed report's signer chain must end at; given, the report must
     * be signed ({@code tsm-tck:sign-report}) and verify against it.
     */
    @Parameter(property = "tsm-tck.signerAnchor")
    private File signerAnchor;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!report.isFile()) {
            throw new MojoExecutionException(report + " is not a file: give -Dtsm-tck.report=<a"
                    + " certification-report.json>");
        }
        List<ReportVerification.Check> checks;
        try {
            CertificationReport read = JsonReports.read(report.toPath());
            checks = new ArrayList<>(ReportVerification.verify(read, report.getAbsoluteFile().getParentFile()
                    .toPath()));
            if (signerAnchor != null) {
                X509Certificate anchor = ReportSignature.anchor(signerAnchor.toPath());
                checks.add(new ReportVerification.Check("the report is signed by a chain ending at "
                        + anchor.getSubjectX500Principal() + ", and the signature verifies",
                        ReportSignature.verify(report.toPath(), anchor)));
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new MojoFailureException(report + " is not a certification report this kit can read: "
                    + e.getMessage(), e);
        }
        for (ReportVerification.Check check : checks) {
            if (check.holds()) {
                getLog().info("[tsm-tck] checked: " + check.what());
            } else {
                getLog().error("[tsm-tck] does not hold: " + check.what() + ": " + String.join("; ", check.found()));
            }
        }
        List<ReportVerification.Check> failed = checks.stream().filter(c -> !c.holds()).toList();
        if (!failed.isEmpty()) {
            throw new MojoFailureException(report + " is not what this kit writes from its test results: "
                    + failed.stream().map(c -> c.what() + " (" + c.found().get(0) + ")").toList());
        }
        getLog().info("[tsm-tck] " + report + ": every check holds");
    }
}
