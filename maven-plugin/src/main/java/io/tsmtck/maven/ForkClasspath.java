package io.tsmtck.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;

/**
 * The forked runner's classpath: first the kit's own pinned artifacts (this plugin's
 * dependencies), then the project (its jar once packaged, else its classes) and its dependencies
 * minus any artifact the kit already brings, so the kit's versions of JUnit and of the SPI win.
 */
final class ForkClasspath {

    private ForkClasspath() {
    }

    static List<File> of(PluginDescriptor plugin, MavenProject project) {
        List<File> classpath = new ArrayList<>();
        Set<String> kit = new HashSet<>();
        for (Artifact artifact : plugin.getArtifacts()) {
            if (artifact.getFile() != null) {
                classpath.add(artifact.getFile());
                kit.add(artifact.getGroupId() + ":" + artifact.getArtifactId());
            }
        }
        File jar = project.getArtifact().getFile();
        classpath.add(jar != null && jar.isFile() ? jar : new File(project.getBuild().getOutputDirectory()));
        for (Artifact artifact : project.getArtifacts()) {
            boolean provided = Artifact.SCOPE_PROVIDED.equals(artifact.getScope());
            if (!provided && artifact.getFile() != null && !kit.contains(artifact.getGroupId() + ":"
                    + artifact.getArtifactId())) {
                classpath.add(artifact.getFile());
            }
        }
        return classpath;
    }
}
