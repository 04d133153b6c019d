package io.tsmtck.maven;

import io.tsmtck.tck.runner.RunConfig;
import java.io.File;
import java.util.List;
import java.util.Optional;
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

    /** Where the reports go. */
    @Parameter(property = "tsm-tck.reportDirectory", defaultValue = "${project.build.directory}/tsm-tck")
    private File reportDirectory;

    @Override
    File reportDirectory() {
        return reportDirectory;
    }

    @Override
    RunConfig configure(RunConfig base) {
        return new RunConfig(base.outputDirectory(), base.rules(), base.areas(), base.seed(),
                base.timeoutHappenMillis(), base.timeoutAbsentMillis(), base.testTimeoutSeconds(), base.allure(),
                base.maven(), base.artifacts(), Optional.ofNullable(provider).filter(p -> !p.isBlank()));
    }

    @Override
    List<File> classpath() {
        return ForkClasspath.of(plugin, project);
    }
}
