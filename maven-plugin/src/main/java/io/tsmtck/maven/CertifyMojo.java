package io.tsmtck.maven;

import io.tsmtck.tck.catalogue.CertificationProfile;
import io.tsmtck.tck.runner.RunConfig;
import java.io.File;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code tsm-tck:certify}: runs the host kit against the project's host stack (its
 * {@code TsmStackProvider}) in a forked JVM and writes the certification report. The fork's
 * classpath is the kit's own pinned artifacts (this plugin's dependencies) plus the project's
 * runtime classpath, so the JUnit launcher and engine always match.
 */
@Mojo(name = "certify", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public final class CertifyMojo extends KitMojo {

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /**
     * The provider class to certify when the classpath lists several (a provider of yours that wraps
     * another, such as the reference implementation).
     */
    @Parameter(property = "tsm-tck.provider")
    private String provider;

    /**
     * The certification profile: {@code lab} (every rule, with the test hooks; the default) or
     * {@code uapi} (the rules the kernel's uAPI alone shows, for a production host without hooks).
     * The rules of each are fixed by the catalogue; the verdict line names the profile.
     */
    @Parameter(property = "tsm-tck.profile", defaultValue = "lab")
    private String profile;

    /** Where the reports go. */
    @Parameter(property = "tsm-tck.reportDirectory", defaultValue = "${project.build.directory}/tsm-tck")
    private File reportDirectory;

    @Override
    File reportDirectory() {
        return reportDirectory;
    }

    @Override
    RunConfig configure(RunConfig base) throws MojoExecutionException {
        CertificationProfile chosen;
        try {
            chosen = CertificationProfile.parse(profile);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        return new RunConfig(base.outputDirectory(), base.rules(), base.areas(), base.seed(),
                base.timeoutHappenMillis(), base.timeoutAbsentMillis(), base.testTimeoutSeconds(), base.allure(),
                base.maven(), base.artifacts(), Optional.ofNullable(provider).filter(p -> !p.isBlank()))
                .inProfile(chosen);
    }

    @Override
    List<File> classpath() {
        return ForkClasspath.of(plugin, project);
    }
}
