package io.tsmtck.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files a {@code jcmd} thread dump leaves behind: HotSpot's attach socket {@code .java_pid<pid>}
 * and the {@code .attach_pid<pid>} trigger, in /tmp (HotSpot's temp directory on Linux, whatever
 * java.io.tmpdir says) or the JVM's working directory. A killed fork never removes them itself.
 */
final class AttachFiles {

    private AttachFiles() {
    }

    /** Removes what an attach to the JVM {@code pid} left; what cannot be removed is left. */
    static void remove(long pid) {
        for (Path directory : new Path[] {Path.of("/tmp"), Path.of(System.getProperty("java.io.tmpdir")),
            Path.of("").toAbsolutePath()}) {
            for (String name : new String[] {".java_pid" + pid, ".attach_pid" + pid}) {
                try {
                    Files.deleteIfExists(directory.resolve(name));
                } catch (IOException e) {
                    // another user's file, or gone already: nothing of ours to clean
                }
            }
        }
    }
}
