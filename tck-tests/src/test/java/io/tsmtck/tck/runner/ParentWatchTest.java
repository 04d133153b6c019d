package io.tsmtck.tck.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A fork never outlives the Maven that started it: with the parent killed by SIGKILL (no shutdown
 * hook runs), the fork, hung in its implementation, ends on its own.
 */
class ParentWatchTest {

    private static final long WAIT_SECONDS = 30;

    private static ProcessBuilder java(Class<?> main) {
        return new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
    }

    @Test
    void aForkWhoseParentIsKilledEndsOnItsOwn() throws Exception {
        Process parent = java(Parent.class).redirectErrorStream(true).start();
        ProcessHandle fork = null;
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(parent.getInputStream(),
                    StandardCharsets.UTF_8));
            String ready = lines.readLine();
            assertThat(ready).as("the parent's report of its fork").startsWith("fork ");
            String[] fields = ready.split(" ");
            fork = ProcessHandle.of(Long.parseLong(fields[1])).orElseThrow();
            assertThat(fields[2]).as("the nonce the fork read from the handshake").isEqualTo("nonce=0123abcd");
            assertThat(fork.isAlive()).isTrue();

            parent.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);

            fork.onExit().get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(fork.isAlive()).as("the fork after its parent was killed").isFalse();
        } finally {
            parent.destroyForcibly();
            if (fork != null) {
                fork.destroyForcibly(); // only when the watch failed: no orphan outlives the test
            }
        }
    }

    /** Stands for Maven: starts the fork with the handshake, reports it, then waits to be killed. */
    public static final class Parent {
        public static void main(String[] args) throws IOException, InterruptedException {
            Process fork = java(HungFork.class).redirectErrorStream(true).start();
            OutputStream handshake = fork.getOutputStream();
            handshake.write("0123abcd\n".getBytes(StandardCharsets.US_ASCII));
            handshake.flush();
            String line = new BufferedReader(new InputStreamReader(fork.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            System.out.println("fork " + fork.pid() + " " + line);
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }

    /** Stands for a fork whose implementation hangs for good. */
    public static final class HungFork {
        public static void main(String[] args) throws InterruptedException {
            String nonce = ParentWatch.handshake(System.in, System.out);
            System.out.println("nonce=" + nonce);
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }
}
