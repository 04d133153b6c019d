package io.tsmtck.tck.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The fork's end of the plugin's handshake ({@link Main#STDIN_HANDSHAKE}): the run's nonce comes as
 * the first line of standard input, read before any class of the implementation is loaded, and the
 * plugin keeps the pipe open while it waits. When the pipe ends (Maven killed, even with SIGKILL)
 * the fork halts, so that no run outlives the build that started it, however its implementation
 * hangs.
 */
final class ParentWatch {

    /** The longest nonce line read; the plugin sends 32 hex digits. */
    private static final int MAX_NONCE = 256;

    private ParentWatch() {
    }

    /** Reads the nonce from {@code in} and starts watching it; halts at once if the pipe has already ended. */
    static String handshake(InputStream in, PrintStream out) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    gone(out);
                }
                if (line.size() < MAX_NONCE) {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            gone(out);
        }
        Thread watch = new Thread(() -> {
            try {
                while (in.read() >= 0) {
                    // the plugin sends nothing after the nonce: anything else is ignored
                }
            } catch (IOException e) {
                // a broken pipe is the parent gone too
            }
            gone(out);
        }, "tsm-tck-parent-watch");
        watch.setDaemon(true);
        watch.start();
        return line.toString(StandardCharsets.US_ASCII).trim();
    }

    private static void gone(PrintStream out) {
        out.println(Main.ERROR + "the process that started this run (the tsm-tck plugin's Maven) is gone; the run"
                + " stops here");
        out.flush();
        Runtime.getRuntime().halt(Main.PARENT_GONE);
    }
}
