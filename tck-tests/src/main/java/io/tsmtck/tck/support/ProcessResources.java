package io.tsmtck.tck.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the kit's JVM holds that an implementation may leak: its live threads and, where the
 * platform has {@code /proc/self/fd}, its open file descriptors.
 */
public final class ProcessResources {

    private static final Path FDS = Path.of("/proc/self/fd");
    private static final String JAVA_HOME = System.getProperty("java.home");

    private ProcessResources() {
    }

    /** The threads alive now. */
    public static Set<Thread> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    /**
     * The threads alive now that were not in {@code before}, by name, leaving out the JDK's shared
     * ForkJoin pool (anyone may start its workers; they are not a stack's own).
     */
    public static List<String> startedSince(Set<Thread> before) {
        return threads().stream().filter(t -> !before.contains(t))
                .filter(t -> !t.getName().startsWith("ForkJoinPool.commonPool-worker"))
                .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : "")).sorted().collect(Collectors.toList());
    }

    /**
     * What this process's file descriptors point to (device files, sockets, anonymous inodes such
     * as dma-bufs), if the platform shows them; the JVM's own class-path jars and the listing's own
     * descriptor are left out, since the JVM opens a jar for good the first time it loads a class
     * from it.
     */
    public static Optional<List<String>> openFiles() {
        if (!Files.isDirectory(FDS)) {
            return Optional.empty();
        }
        try (Stream<Path> fds = Files.list(FDS)) {
            return Optional.of(fds.map(ProcessResources::target).flatMap(Optional::stream)
                    .filter(target -> !target.endsWith(".jar") && !target.startsWith(JAVA_HOME)
                            && !target.matches("/proc/\\d+/fd"))
                    .sorted().collect(Collectors.toList()));
        } catch (IOException e) {
            return Optional.empty();
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
