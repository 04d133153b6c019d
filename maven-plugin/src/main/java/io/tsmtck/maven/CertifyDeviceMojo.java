package io.tsmtck.maven;

import io.tsmtck.tck.runner.RunConfig;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code tsm-tck:certify-device}: runs the device kit against one device, the kit being its SPDM
 * requester (its own secured session, IDE keys programmed with IDE_KM, TDISP driven itself), in a
 * forked JVM, and writes the certification report. Needs no project:
 * {@code mvn io.tsmtck:tsm-tck-maven-plugin:<version>:certify-device -Dtsm-tck.device=tcp://127.0.0.1:2323
 * -Dtsm-tck.trustAnchor=ca.der}. In a project without {@code device}, the project's
 * {@code DeviceProvider} (on its runtime classpath) builds the devices.
 */
@Mojo(name = "certify-device", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public final class CertifyDeviceMojo extends KitMojo {

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /**
     * The device: {@code tcp://<host>:<port>} (the SPDM socket protocol of DMTF spdm-emu and QEMU)
     * or {@code doe:<BDF>} (its DOE mailbox through {@code /sys/bus/pci/devices/<BDF>/config}, as
     * root, with no kernel TSM owning it). Unset: the project's DeviceProvider.
     */
    @Parameter(property = "tsm-tck.device")
    private String device;

    /** The root certificate (DER or PEM) the device's certificate chain must end at. */
    @Parameter(property = "tsm-tck.trustAnchor")
    private File trustAnchor;

    /** The functions to test (BDFs, PF0 first); unset, the device's PF0. */
    @Parameter(property = "tsm-tck.functions")
    private List<String> functions;

    /**
     * The DeviceProvider class to certify when the project's classpath lists several (a provider of
     * yours that wraps the reference device); only without {@code device}.
     */
    @Parameter(property = "tsm-tck.deviceProvider")
    private String deviceProvider;

    /**
     * A plaintext run: TDISP and IDE_KM outside any secured session, for a responder without sessions
     * yet. Never a certification; the report says so on top.
     */
    @Parameter(property = "tsm-tck.plaintext", defaultValue = "false")
    private boolean plaintext;

    /** Where the reports go. */
    @Parameter(property = "tsm-tck.reportDirectory", defaultValue = "${project.build.directory}/tsm-tck-device")
    private File reportDirectory;

    /** Without a project Maven leaves {@code ${project.basedir}} unresolved: then {@code ./target/tsm-tck-device}. */
    @Override
    File reportDirectory() {
        return reportDirectory.getPath().contains("${") ? new File("target", "tsm-tck-device").getAbsoluteFile()
                : reportDirectory;
    }

    @Override
    RunConfig configure(RunConfig base) throws MojoExecutionException {
        if (trustAnchor == null) {
            throw new MojoExecutionException("certify-device validates the device's certificate chain: set "
                    + "-Dtsm-tck.trustAnchor=<root certificate, DER or PEM> (for DMTF spdm-emu: "
                    + "spdm-emu/build/bin/ecp384/ca.cert.der)");
        }
        if (!trustAnchor.isFile()) {
            throw new MojoExecutionException("tsm-tck.trustAnchor=" + trustAnchor + " is not a file; give the path of"
                    + " the root certificate the device's chain ends at");
        }
        Optional<String> target = Optional.ofNullable(device).map(String::trim).filter(d -> !d.isEmpty());
        if (target.isEmpty() && (project == null || project.getFile() == null)) {
            throw new MojoExecutionException("certify-device without a project needs the device: set "
                    + "-Dtsm-tck.device=tcp://<host>:<port> or doe:<BDF>");
        }
        return new RunConfig(base.outputDirectory(), base.rules(), base.areas(), base.seed(),
                base.timeoutHappenMillis(), base.timeoutAbsentMillis(), base.testTimeoutSeconds(), base.allure(),
                base.maven(), target.isPresent() ? List.of() : base.artifacts(), Optional.empty(),
                Optional.of(new RunConfig.DeviceRun(target, trustAnchor.getAbsolutePath(),
                        functions == null ? List.of() : functions,
                        Optional.ofNullable(deviceProvider).filter(p -> !p.isBlank()), plaintext)));
    }

    /** The kit alone for a named device; with the project's classpath for its DeviceProvider. */
    @Override
    List<File> classpath() {
        if (device != null && !device.isBlank() || project == null || project.getFile() == null) {
            List<File> kit = new ArrayList<>();
            for (Artifact artifact : plugin.getArtifacts()) {
                if (artifact.getFile() != null) {
                    kit.add(artifact.getFile());
                }
            }
            return kit;
        }
        return ForkClasspath.of(plugin, project);
    }
}
