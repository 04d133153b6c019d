package io.tsmtck.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.logging.Log;

/**
 * Class data sharing for the fork: the JVM's dynamic CDS archive of the classes a run loads, kept per
 * JDK and classpath in a cache directory, so that the second and later runs on the same classpath
 * map the kit's, JUnit's and the implementation's classes instead of loading and verifying them
 * again (about 1.5 s of wall and 2.5 s of CPU of a 9 s certification on the 2-core machine). The
 * first run writes the archive under a temporary name, moved into place only after a clean exit; a
 * classpath with a class directory (which CDS cannot archive) runs without. The JVM checks an
 * archive against its own build and the classpath and ignores one that does not match.
 */
final class SharedClasses {

    /** Archives kept, the least recently used removed beyond it. */
    static final int KEPT = 8;

    private final Path directory;
    private final Log log;

    SharedClasses(Path directory, Log log) {
        this.directory = directory;
        this.log = log;
    }

    /** The default cache: {@code ~/.cache/tsm-tck/cds}. */
    static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), ".cache", "tsm-tck", "cds");
    }

    /** What one fork does about CDS: its JVM options, and what to do once it has exited. */
    interface Plan {
        List<String> options();

        /** After the fork exited with {@code status}. */
        void exited(int status);
    }

    static final Plan NONE = fixed(List.of());

    /** The plan for a fork on {@code classpath}. */
    Plan plan(List<File> classpath) {
        if (classpath.stream().anyMatch(File::isDirectory)) {
            return NONE;
        }
        Path archive = directory.resolve(key(classpath) + ".jsa");
        if (Files.isRegularFile(archive)) {
            touch(archive);
            return fixed(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off"));
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            log.debug("[tsm-tck] no class data sharing: cannot create " + directory + ": " + e.getMessage());
            return NONE;
        }
        Path partial = directory.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
        return new Plan() {
            @Override
            public List<String> options() {
                return List.of("-XX:ArchiveClassesAtExit=" + partial, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
            }

            @Override
            public void exited(int status) {
                try {
                    if (status == 0 && Files.isRegularFile(partial)) {
                        Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE,
                                StandardCopyOption.REPLACE_EXISTING);
                        evict();
                    }
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    log.debug("[tsm-tck] class data sharing archive not kept: " + e.getMessage());
                }
            }
        };
    }

    private static Plan fixed(List<String> options) {
        return new Plan() {
            @Override
            public List<String> options() {
                return options;
            }

            @Override
            public void exited(int status) {
            }
        };
    }

    /** The JDK's build and every classpath entry's path, size and time: what the archive was made of. */
    static String key(List<File> classpath) {
        StringBuilder made = new StringBuilder(System.getProperty("java.home")).append('\n')
                .append(System.getProperty("java.vm.version")).append('\n');
        for (File entry : classpath) {
            made.append(entry.getAbsolutePath()).append(' ').append(entry.length()).append(' ')
                    .append(entry.lastModified()).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(made.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static void touch(Path archive) {
        try {
            Files.setLastModifiedTime(archive, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // only the eviction order suffers
        }
    }

    /** Keeps the {@value #KEPT} most recently used archives. */
    private void evict() throws IOException {
        List<Path> archives;
        try (Stream<Path> listed = Files.list(directory)) {
            archives = listed.filter(p -> p.getFileName().toString().endsWith(".jsa"))
                    .sorted(Comparator.comparing(SharedClasses::modified).reversed()).toList();
        }
        for (Path old : archives.subList(Math.min(KEPT, archives.size()), archives.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Whether the user's JVM arguments already decide class data sharing. */
    static boolean decidedBy(List<String> jvmArgs) {
        return jvmArgs.stream().anyMatch(a -> a.startsWith("-Xshare") || a.contains("SharedArchiveFile")
                || a.contains("ArchiveClassesAtExit"));
    }
}
