package io.tsmtck.tck.setup;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the kit's JVM holds that an implementation may leak: its live threads and, where the
 * platform has {@code /proc/self/fd}, its open file descriptors.
 */
public final class ProcessResources {

    private static final Path FDS = Path.of("/proc/self/fd");

    /**
     * The files the JVM itself keeps open, by exact path: the jars of its class path (each opened
     * for good when a class is first loaded from it) and the JDK's module image. Never by name
     * pattern: an implementation's own file named {@code *.jar}, or under java.home, still counts.
     */
    private static final Set<String> JVM_FILES = jvmFiles();

    private ProcessResources() {
    }

    /** The threads alive now. */
    public static Set<Thread> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    /**
     * Threads the JVM starts on its own when something asks for them (a tool attaching, a child process's
     * reaper, the cleaner, JMX notifications): never a stack's, whenever they appear.
     */
    private static final Set<String> JVM_THREADS = Set.of("Attach Listener", "process reaper", "Common-Cleaner",
            "Notification Thread", "Signal Dispatcher", "Reference Handler", "Finalizer");

    /**
     * The threads alive now that were not in {@code before}, by name, leaving out the JDK's shared
     * ForkJoin pool (anyone may start its workers; they are not a stack's own) and the JVM's own threads.
     */
    public static List<String> startedSince(Set<Thread> before) {
        return threads().stream().filter(t -> !before.contains(t))
                .filter(t -> !t.getName().startsWith("ForkJoinPool.commonPool-worker"))
                .filter(t -> !JVM_THREADS.contains(t.getName()))
                .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : "")).sorted().collect(Collectors.toList());
    }

    /**
     * What this process's file descriptors point to (device files, sockets, anonymous inodes such
     * as dma-bufs), if the platform shows them; the JVM's own files ({@link #JVM_FILES}) and the
     * listing's own descriptor are left out.
     */
    public static Optional<List<String>> openFiles() {
        if (!Files.isDirectory(FDS)) {
            return Optional.empty();
        }
        try (Stream<Path> fds = Files.list(FDS)) {
            return Optional.of(fds.map(ProcessResources::target).flatMap(Optional::stream)
                    .filter(target -> !JVM_FILES.contains(target) && !target.matches("/proc/\\d+/fd"))
                    .sorted().collect(Collectors.toList()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Set<String> jvmFiles() {
        Set<String> files = new HashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                files.add(real(Path.of(entry)));
                files.addAll(manifestClassPath(Path.of(entry)));
            }
        }
        files.add(real(Path.of(System.getProperty("java.home"), "lib", "modules")));
        return Set.copyOf(files);
    }

    /** The jars a class-path jar's manifest names (Surefire's booter jar names the whole class path so). */
    private static Set<String> manifestClassPath(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return Set.of();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            String classPath = Optional.ofNullable(file.getManifest()).map(m -> m.getMainAttributes()
                    .getValue(Attributes.Name.CLASS_PATH)).orElse("");
            Set<String> named = new HashSet<>();
            for (String url : classPath.trim().split("\\s+")) {
                if (!url.isEmpty()) {
                    try {
                        named.add(real(Path.of(jar.toUri().resolve(url))));
                    } catch (IllegalArgumentException e) {
                        // not a file URL: the JVM opens nothing for it
                    }
                }
            }
            return named;
        } catch (IOException e) {
            return Set.of();
        }
    }

    private static String real(Path path) {
        try {
            return path.toRealPath().toString();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize().toString();
        }
    }

    /** The entries of {@code after} that are not in {@code before}, counting repeats. */
    public static List<String> openedSince(List<String> before, List<String> after) {
        List<String> opened = new ArrayList<>(after);
        before.forEach(opened::remove);
        return opened;
    }

    private static Optional<String> target(Path fd) {
        try {
            return Optional.of(Files.readSymbolicLink(fd).toString());
        } catch (IOException e) {
            return Optional.empty(); // closed while listing
        }
    }
}
