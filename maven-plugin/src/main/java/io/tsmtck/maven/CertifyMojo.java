package io.tsmtck.maven;

import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.report.CertificationReport.RuleResult;
import io.tsmtck.tck.report.CertificationReport.RuleStatus;
import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.report.RuleSummaries;
import io.tsmtck.tck.runner.RunConfig;
import io.tsmtck.tck.support.KitConfig;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * {@code tsm-tck:certify}: runs the kit against the project's implementation in a forked JVM and
 * writes the certification report. The fork's classpath is the kit's own pinned artifacts (this
 * plugin's dependencies) plus the project's runtime classpath, so the JUnit launcher and engine
 * always match. A failed MUST rule fails the build; a kit that cannot run is a build error.
 */
@Mojo(name = "certify", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public final class CertifyMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /** Skip certification. */
    @Parameter(property = "tsm-tck.skip", defaultValue = "false")
    private boolean skip;

    /** Where the reports go. */
    @Parameter(property = "tsm-tck.reportDirectory", defaultValue = "${project.build.directory}/tsm-tck")
    private File reportDirectory;

    /** Rule ids to run (comma separated); any selection makes the run NOT_A_CERTIFICATION_RUN. */
    @Parameter(property = "tsm-tck.rules")
    private List<String> rules;

    /** Areas to run (TDISP, IDE_KM, TSM, VFIO, DMABUF, IOMMUFD, VM, LIFECYCLE, SECURITY). */
    @Parameter(property = "tsm-tck.areas")
    private List<String> areas;

    /** The seed of every random choice; the kit's default if unset. */
    @Parameter(property = "tsm-tck.seed")
    private Long seed;

    /** Milliseconds to wait for something that must happen. */
    @Parameter(property = "tsm-tck.timeout.happen")
    private Long timeoutHappen;

    /** Milliseconds to watch that something does not happen. */
    @Parameter(property = "tsm-tck.timeout.absent")
    private Long timeoutAbsent;

    /**
     * Seconds one test may take before it is abandoned and fails; by default 60, or more for a
     * provider that declares a slow latency ({@code Capabilities.latency}).
     */
    @Parameter(property = "tsm-tck.timeout.test")
    private Long testTimeout;

    /**
     * Seconds the whole run may take before the fork is killed and the report marked incomplete; by
     * default 900, or more for a provider that declares a slow latency.
     */
    @Parameter(property = "tsm-tck.timeout.run")
    private Long runTimeout;

    /** Extra arguments for the forked JVM (system properties of the implementation, memory). */
    @Parameter(property = "tsm-tck.jvmArgs")
    private List<String> jvmArgs;

    /** Whether to write Allure results and the single-file Allure HTML report (in the report directory). */
    @Parameter(property = "tsm-tck.allure", defaultValue = "true")
    private boolean allure;

    /**
     * The provider class to certify when the classpath lists several (a provider of yours that wraps
     * another, such as the reference implementation).
     */
    @Parameter(property = "tsm-tck.provider")
    private String provider;

    /** Whether failed SHOULD and MAY rules fail the build too. */
    @Parameter(property = "tsm-tck.failOnOptional", defaultValue = "false")
    private boolean failOnOptional;

    @Component
    private RuntimeInformation runtime;

    @Component
    private RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    private RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remotePluginRepositories}", readonly = true, required = true)
    private List<RemoteRepository> pluginRepositories;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("[tsm-tck] certification skipped (tsm-tck.skip)");
            return;
        }
        Selection selection = Selection.of(orEnvironment(rules, "tsm-tck.rules"),
                orEnvironment(areas, "tsm-tck.areas"));
        Path output = reportDirectory.toPath();
        RunConfig config = new RunConfig(output.toString(), selection.rules(), selection.areaTags(),
                Optional.ofNullable(seed), Optional.ofNullable(timeoutHappen), Optional.ofNullable(timeoutAbsent),
                Optional.ofNullable(testTimeout), allure, Optional.ofNullable(runtime).map(RuntimeInformation::getMavenVersion),
                List.of(project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion()),
                Optional.ofNullable(provider).filter(p -> !p.isBlank()));
        List<File> classpath = ForkClasspath.of(plugin, project);
        CertificationReport report = new ForkedRun(getLog(), output, Optional.ofNullable(runTimeout),
                jvmArgs == null ? List.of() : jvmArgs).run(config, classpath);
        if (allure) {
            new AllureHtml(repositorySystem, repositorySession, pluginRepositories, getLog())
                    .generate(output, Path.of(project.getBuild().getDirectory(), "tsm-tck-tools"));
        }
        judge(report);
    }

    /** The parameter, or else the setting's environment variable ({@code TSM_TCK_RULES}, ...). */
    private static List<String> orEnvironment(List<String> parameter, String setting) {
        if (parameter != null && !parameter.isEmpty()) {
            return parameter;
        }
        return KitConfig.value(setting).map(List::of).orElse(List.of());
    }

    private void judge(CertificationReport report) throws MojoFailureException {
        if (!report.complete()) {
            throw new MojoFailureException("The kit run did not complete (" + String.join("; ", report.problems())
                    + "); see " + reportDirectory);
        }
        int catalogue = Catalogue.standard().rules().size();
        if (report.rules().size() != catalogue || report.kit().catalogueRules() != catalogue) {
            throw new MojoFailureException("The report covers " + report.rules().size() + " rules but the kit's "
                    + "catalogue has " + catalogue + "; the forked run used another kit than this plugin's. Check "
                    + "that the project does not bring its own io.tsmtck:tck-tests.");
        }
        if (report.totals().testsExecuted() == 0) {
            throw new MojoFailureException("The kit ran no test; see " + reportDirectory + ". A run without tests is"
                    + " never a success.");
        }
        Path json = reportDirectory.toPath().resolve("certification-report.json");
        List<RuleResult> failed = report.rules().stream().filter(r -> r.status() == RuleStatus.FAILED)
                .filter(r -> failOnOptional || r.level().equals("MUST")).collect(Collectors.toList());
        if (!failed.isEmpty()) {
            throw new MojoFailureException(failed.size() + " rule(s) failed (" + report.verdict() + "): "
                    + RuleSummaries.firstTen(failed) + "; see " + json);
        }
        if (report.verdict() == CertificationReport.Verdict.NOT_CERTIFIED) {
            List<RuleResult> notTested = report.rules().stream().filter(r -> r.status() == RuleStatus.NOT_TESTED)
                    .filter(r -> r.level().equals("MUST")).collect(Collectors.toList());
            List<String> why = new ArrayList<>(report.problems());
            if (!notTested.isEmpty()) {
                why.add(notTested.size() + " MUST rule(s) were not tested, so nothing is known of them: "
                        + RuleSummaries.firstTen(notTested) + "; provide " + RuleSummaries.toProvide(notTested));
            }
            throw new MojoFailureException("Not certified: " + String.join("; ", why) + ". See " + json);
        }
    }
}
