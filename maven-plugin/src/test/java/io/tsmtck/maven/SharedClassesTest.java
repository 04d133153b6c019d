package io.tsmtck.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fork's class data sharing: made once per classpath, kept only after a clean exit, used after. */
class SharedClassesTest {

    @TempDir
    Path temp;

    private List<File> jars(String... names) throws IOException {
        Path lib = Files.createDirectories(temp.resolve("lib"));
        List<File> jars = new ArrayList<>();
        for (String name : names) {
            jars.add(Files.write(lib.resolve(name), name.getBytes()).toFile());
        }
        return jars;
    }

    @Test
    void theFirstRunMakesTheArchiveAndTheNextUsesIt() throws IOException {
        SharedClasses cache = new SharedClasses(temp.resolve("cds"), new SystemStreamLog());
        List<File> classpath = jars("kit.jar", "impl.jar");

        SharedClasses.Plan first = cache.plan(classpath);
        assertThat(first.options()).anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
        Path partial = Path.of(first.options().get(0).substring("-XX:ArchiveClassesAtExit=".length()));
        Files.write(partial, new byte[] {1});
        first.exited(0);

        assertThat(partial).doesNotExist();
        assertThat(cache.plan(classpath).options()).anyMatch(o -> o.startsWith("-XX:SharedArchiveFile="))
                .contains("-Xshare:auto");
    }

    @Test
    void aFailedRunKeepsNoArchive() throws IOException {
        SharedClasses cache = new SharedClasses(temp.resolve("cds"), new SystemStreamLog());
        List<File> classpath = jars("kit.jar");
        SharedClasses.Plan first = cache.plan(classpath);
        Path partial = Path.of(first.options().get(0).substring("-XX:ArchiveClassesAtExit=".length()));
        Files.write(partial, new byte[] {1});

        first.exited(3);

        assertThat(partial).doesNotExist();
        assertThat(cache.plan(classpath).options()).anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
    }

    @Test
    void aChangedJarOrJdkIsAnotherArchiveAndAClassDirectoryNone() throws IOException {
        List<File> classpath = jars("kit.jar", "impl.jar");
        String before = SharedClasses.key(classpath);
        Files.write(classpath.get(1).toPath(), "rebuilt implementation".getBytes());

        assertThat(SharedClasses.key(classpath)).isNotEqualTo(before);
        assertThat(SharedClasses.key(List.of(classpath.get(1), classpath.get(0)))).isNotEqualTo(SharedClasses.key(classpath));
        File classes = Files.createDirectories(temp.resolve("classes")).toFile();
        assertThat(new SharedClasses(temp.resolve("cds"), new SystemStreamLog()).plan(List.of(classpath.get(0), classes))
                .options()).isEmpty();
    }

    @Test
    void onlyTheMostRecentlyUsedArchivesAreKept() throws IOException {
        SharedClasses cache = new SharedClasses(temp.resolve("cds"), new SystemStreamLog());
        for (int i = 0; i < SharedClasses.KEPT + 3; i++) {
            SharedClasses.Plan plan = cache.plan(jars("kit-" + i + ".jar"));
            Path partial = Path.of(plan.options().get(0).substring("-XX:ArchiveClassesAtExit=".length()));
            Files.write(partial, new byte[] {1});
            Files.setLastModifiedTime(partial, FileTime.fromMillis(1_000_000L * (i + 1)));
            plan.exited(0);
        }
        try (var listed = Files.list(temp.resolve("cds"))) {
            assertThat(listed.count()).isEqualTo(SharedClasses.KEPT);
        }
    }

    @Test
    void theUsersOwnSharingOptionsWin() {
        assertThat(SharedClasses.decidedBy(List.of("-Xmx1g", "-Xshare:off"))).isTrue();
        assertThat(SharedClasses.decidedBy(List.of("-XX:SharedArchiveFile=my.jsa"))).isTrue();
        assertThat(SharedClasses.decidedBy(List.of("-Xmx1g"))).isFalse();
    }
}
