package io.tsmtck.tck.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the kit's JVM holds that an implementation may leak: its live threads and, where the
 * platform has {@code /proc/self/fd}, its open file descriptors.
 */
public final class ProcessResources {

    private static final Path FDS = Path.of("/proc/self/fd");

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

    /** Open file descriptors of this process, if the platform shows them. */
    public static OptionalLong openFileDescriptors() {
        if (!Files.isDirectory(FDS)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> fds = Files.list(FDS)) {
            return OptionalLong.of(fds.count());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }
}
