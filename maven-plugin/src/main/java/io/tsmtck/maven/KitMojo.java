package io.tsmtck.maven;

import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.Kit;
import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.report.CertificationReport.RuleResult;
import io.tsmtck.tck.report.CertificationReport.RuleStatus;
import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.report.RuleSummaries;
import io.tsmtck.tck.runner.RunConfig;
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
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * What both certification goals share: the selection, seed, timeouts, report directory and Allure
 * output; the forked run; and the judgement of its report (a failed MUST rule fails the build, a
 * kit that cannot run is a build error). A goal says which subject it certifies and on what
 * classpath.
 */
abstract class KitMojo extends AbstractMojo {


    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    /** Skip certification. */
    @Parameter(property = "tsm-tck.skip", defaultValue = "false")
    boolean skip;


    /** Rule ids to run (comma separated); any selection makes the run NOT_A_CERTIFICATION_RUN. */
    @Parameter(property = "tsm-tck.rules")
    List<String> rules;

    /** Areas to run (TDISP, IDE_KM, TSM, VFIO, DMABUF, IOMMUFD, VM, LIFECYCLE, SECURITY). */
    @Parameter(property = "tsm-tck.areas")
    List<String> areas;

    /**
     * Kinds of source to run the rules of (PCIE, DMTF, MAINLINE, SERIES, PROPOSAL, KIT; comma
     * separated); any selection makes the run NOT_A_CERTIFICATION_RUN.
     */
    @Parameter(property = "tsm-tck.provenance")
    List<String> provenance;

    /** The seed of every random choice; the kit's default if unset. */
    @Parameter(property = "tsm-tck.seed")
    Long seed;

    /** Milliseconds to wait for something that must happen. */
    @Parameter(property = "tsm-tck.timeout.happen")
    Long timeoutHappen;

    /** Milliseconds to watch that something does not happen. */
    @Parameter(property = "tsm-tck.timeout.absent")
    Long timeoutAbsent;

    /**
     * Seconds one test may take before it is abandoned and fails; by default 60, or more for a
     * provider that declares a slow latency ({@code Capabilities.latency}).
     */
    @Parameter(property = "tsm-tck.timeout.test")
    Long testTimeout;

    /**
     * Seconds the whole run may take before the fork is killed and the report marked incomplete; by
     * default 900, or more for a provider that declares a slow latency.
     */
    @Parameter(property = "tsm-tck.timeout.run")
    Long runTimeout;

    /** Extra arguments for the forked JVM (system properties of the implementation, memory). */
    @Parameter(property = "tsm-tck.jvmArgs")
    List<String> jvmArgs;

    /**
     * Class data sharing for the fork: an archive of the classes a run loads, per JDK and classpath,
     * made by the first run and mapped by the next ones. {@code false} runs without.
     */
    @Parameter(property = "tsm-tck.cds", defaultValue = "true")
    boolean cds;

    /** Where the class data sharing archives are kept. */
    @Parameter(property = "tsm-tck.cds.dir")
    File cdsDirectory;

    /** Whether to write Allure results and the single-file Allure HTML report (in the report directory). */
    @Parameter(property = "tsm-tck.allure", defaultValue = "true")
    boolean allure;

    /** Whether failed SHOULD and MAY rules fail the build too. */
    @Parameter(property = "tsm-tck.failOnOptional", defaultValue = "false")
    boolean failOnOptional;

    @Component
    RuntimeInformation runtime;

    @Component
    RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remotePluginRepositories}", readonly = true, required = true)
    List<RemoteRepository> pluginRepositories;

    /** The run's subject: a host-kit or a device-kit configuration of {@code base}. */
    abstract RunConfig configure(RunConfig base) throws MojoExecutionException;

    /** Where the reports go. */
    abstract File reportDirectory();

    /** The fork's classpath. */
    abstract List<File> classpath() throws MojoExecutionException;

    /** The coordinates of what is certified, for the report. */
    List<String> artifacts() {
        return project == null || project.getGroupId() == null ? List.of()
                : List.of(project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion());
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("[tsm-tck] certification skipped (tsm-tck.skip)");
            return;
        }
        Selection selection = Selection.of(orEnvironment(rules, "tsm-tck.rules"),
                orEnvironment(areas, "tsm-tck.areas"), orEnvironment(provenance, "tsm-tck.provenance"));
        Path output = reportDirectory().toPath();
        RunConfig config = configure(new RunConfig(output.toString(), selection.rules(), selection.areaTags(),
                Optional.ofNullable(seed), Optional.ofNullable(timeoutHappen), Optional.ofNullable(timeoutAbsent),
                Optional.ofNullable(testTimeout), allure, Optional.ofNullable(runtime).map(RuntimeInformation::getMavenVersion),
                artifacts(), Optional.empty()));
        Optional<SharedClasses> sharing = cds ? Optional.of(new SharedClasses(cdsDirectory == null
                ? SharedClasses.defaultDirectory() : cdsDirectory.toPath(), getLog())) : Optional.empty();
        CertificationReport report = new ForkedRun(getLog(), output, Optional.ofNullable(runTimeout),
                jvmArgs == null ? List.of() : jvmArgs, sharing).run(config, classpath());
        if (allure) {
            Path tools = project != null && project.getBuild() != null
                    ? Path.of(project.getBuild().getDirectory(), "tsm-tck-tools") : output.resolve("tools");
            new AllureHtml(repositorySystem, repositorySession, pluginRepositories, getLog()).generate(output, tools);
        }
        judge(report, config.kit());
    }

    /** The parameter, or else the setting's environment variable ({@code TSM_TCK_RULES}, ...). */
    static List<String> orEnvironment(List<String> parameter, String setting) {
        if (parameter != null && !parameter.isEmpty()) {
            return parameter;
        }
        return KitConfig.value(setting).map(List::of).orElse(List.of());
    }

    private void judge(CertificationReport report, Kit kit) throws MojoFailureException {
        if (!report.complete()) {
            throw new MojoFailureException("The kit run did not complete (" + String.join("; ", report.problems())
                    + "); see " + reportDirectory());
        }
        int catalogue = Catalogue.standard().of(kit).rules().size();
        if (report.rules().size() != catalogue || report.kit().catalogueRules() != catalogue) {
            throw new MojoFailureException("The report covers " + report.rules().size() + " rules but the kit's "
                    + "catalogue has " + catalogue + "; the forked run used another kit than this plugin's. Check "
                    + "that the project does not bring its own io.tsmtck:tck-tests.");
        }
        if (report.totals().testsExecuted() == 0) {
            throw new MojoFailureException("The kit ran no test; see " + reportDirectory() + ". A run without tests is"
                    + " never a success.");
        }
        Path json = reportDirectory().toPath().resolve("certification-report.json");
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
                        + RuleSummaries.firstTen(notTested) + "; why: " + RuleSummaries.toProvide(notTested));
            }
            throw new MojoFailureException("Not certified: " + String.join("; ", why) + ". See " + json);
        }
    }
}
