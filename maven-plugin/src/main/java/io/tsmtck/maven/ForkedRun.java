package io.tsmtck.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.tsmtck.api.Capabilities;
import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.report.JsonReports;
import io.tsmtck.tck.runner.IncompleteReports;
import io.tsmtck.tck.runner.Main;
import io.tsmtck.tck.runner.ReportCheck;
import io.tsmtck.tck.runner.ReportFiles;
import io.tsmtck.tck.runner.RunConfig;
import io.tsmtck.tck.runner.RunIdentity;
import io.tsmtck.tck.runner.Timeouts;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * Runs the kit's {@link Main} in a child JVM, relays its output to the Maven log, kills it after
 * the run timeout (writing an incomplete report), and reads back the report it wrote.
 */
final class ForkedRun {

    private static final long DUMP_SECONDS = 20;
    /**
     * The fork's own JVM options, ahead of the user's (which win): C1 only, since a run of seconds
     * spends more CPU on C2 compiling than C2 code wins back (measured with
     * tools/bench/plugin-vs-floor.sh; a run that goes on for minutes can ask for
     * {@code -XX:TieredStopAtLevel=4}).
     */
    static final List<String> FORK_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");
    /** How often the wait for the fork looks for the run's identity, to scale the run timeout. */
    private static final Duration IDENTITY_POLL = Duration.ofSeconds(1);

    private final Log log;
    private final Path output;
    private final Optional<Long> explicitTimeoutSeconds;
    private final List<String> jvmArgs;
    private final Optional<SharedClasses> sharedClasses;

    /**
     * {@code explicitTimeoutSeconds}: the run timeout the user set, or empty to scale the default;
     * {@code sharedClasses}: the class data sharing cache, or empty for none.
     */
    ForkedRun(Log log, Path output, Optional<Long> explicitTimeoutSeconds, List<String> jvmArgs,
              Optional<SharedClasses> sharedClasses) {
        this.log = log;
        this.output = output;
        this.explicitTimeoutSeconds = explicitTimeoutSeconds;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.sharedClasses = SharedClasses.decidedBy(jvmArgs) ? Optional.empty() : sharedClasses;
    }

    CertificationReport run(RunConfig config, List<File> classpath) throws MojoExecutionException {
        try {
            Files.createDirectories(output);
            ReportFiles.clear(output);
            Path configFile = output.resolve(ReportFiles.RUN_CONFIG);
            new ObjectMapper().registerModule(new Jdk8Module()).writeValue(configFile.toFile(), config);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            SharedClasses.Plan sharing = sharedClasses.map(cache -> cache.plan(classpath))
                    .orElse(SharedClasses.NONE);
            command.addAll(FORK_JVM_OPTIONS);
            command.addAll(sharing.options());
            command.addAll(jvmArgs);
            command.add("-cp");
            command.add(classpath.stream().map(File::getAbsolutePath).collect(Collectors.joining(File.pathSeparator)));
            command.add(Main.class.getName());
            command.add(configFile.toString());
            command.add(Main.STDIN_HANDSHAKE);
            String nonce = nonce();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Thread reaper = new Thread(process::destroyForcibly, "tsm-tck-fork-reaper");
            Runtime.getRuntime().addShutdownHook(reaper);
            try (OutputStream handshake = process.getOutputStream()) {
                // kept open while the fork runs: its end tells the fork that Maven is gone
                handshake.write((nonce + "\n").getBytes(StandardCharsets.US_ASCII));
                handshake.flush();
                return await(config, classpath, process, sharing, nonce);
            } finally {
                removeHook(reaper);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot run the kit in a forked JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while the kit was running", e);
        }
    }

    private CertificationReport await(RunConfig config, List<File> classpath, Process process,
                                      SharedClasses.Plan sharing, String nonce)
            throws IOException, InterruptedException, MojoExecutionException {
        AtomicReference<String> lastError = new AtomicReference<>("");
        Thread relay = relay(process, lastError);
        long timeoutSeconds = awaitExit(process);
        if (process.isAlive()) {
            boolean dumped = threadDump(process);
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            AttachFiles.remove(process.pid());
            relay.join(TimeUnit.SECONDS.toMillis(5));
            sharing.exited(-1);
            return IncompleteReports.write(output, config, "the run did not finish within tsm-tck.timeout.run = "
                    + timeoutSeconds + " s and was killed" + (dumped ? " (its threads are in "
                    + ReportFiles.THREAD_DUMP + ")" : ""), "");
        }
        relay.join(TimeUnit.SECONDS.toMillis(30));
        sharing.exited(process.exitValue());
        boolean began = IncompleteReports.testsBegan(output);
        // only the kit's own line makes status 2 the kit's refusal: an implementation's System.exit(2) is not
        Path report = output.resolve(JsonReports.FILE);
        if (process.exitValue() == Main.CANNOT_RUN && !began && lastError.get().startsWith(Main.CANNOT_RUN_LINE)) {
            throw new MojoExecutionException("The kit could not run: "
                    + lastError.get().substring(Main.CANNOT_RUN_LINE.length())
                    + " (classpath: " + classpath.size() + " entries; see the log above"
                    + (Files.isRegularFile(report) ? "; its incomplete report: " + report : "") + ")");
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(report)) {
            return IncompleteReports.write(output, config, "the forked JVM exited with status "
                    + process.exitValue() + (began ? "" : " before any test began, and not through the kit")
                    + " before writing its report (System.exit or Runtime.halt inside the implementation"
                    + (began ? "" : ", while it was created or asked what it declares") + ", or a crash)", "");
        }
        CertificationReport written = JsonReports.read(report);
        List<String> inconsistencies = new ArrayList<>(ReportCheck.inconsistencies(written, output, nonce, classpath));
        inconsistencies.addAll(ReportCheck.againstScope(written, config));
        if (!inconsistencies.isEmpty()) {
            return IncompleteReports.write(output, config, "the report the fork left is not the run the plugin"
                    + " watched, so it was not judged: " + String.join("; ", inconsistencies), "");
        }
        return written;
    }

    /** A fresh nonce for one run, which the fork writes into its identity and report. */
    private static String nonce() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Maven is shutting down: the hook is running or about to
        }
    }

    /**
     * Waits for the fork to exit within the run timeout; returns that timeout in seconds. Unless the
     * user set it, the timeout starts at the default and grows to what the provider's declared
     * latency needs, once the fork has written the run's identity.
     */
    private long awaitExit(Process process) throws InterruptedException {
        long started = System.nanoTime();
        Duration limit = explicitTimeoutSeconds.map(Duration::ofSeconds).orElse(Timeouts.RUN);
        boolean settled = explicitTimeoutSeconds.isPresent();
        Path identity = output.resolve(ReportFiles.IDENTITY);
        while (true) {
            long left = limit.toNanos() - (System.nanoTime() - started);
            if (left <= 0 || process.waitFor(Math.min(left, IDENTITY_POLL.toNanos()), TimeUnit.NANOSECONDS)) {
                return limit.toSeconds();
            }
            if (!settled && Files.isRegularFile(identity)) {
                settled = true;
                Duration scaled = declaredLatency(identity).map(Timeouts::run).orElse(limit);
                if (scaled.compareTo(limit) > 0) {
                    log.info(Main.INFO + "run timeout " + scaled.toSeconds() + " s for the latency the provider"
                            + " declares (set tsm-tck.timeout.run to choose it)");
                    limit = scaled;
                }
            }
        }
    }

    /** The latency the fork's run identity declares; empty if it declares none or cannot be read. */
    private Optional<Capabilities.Latency> declaredLatency(Path identity) {
        try {
            return JsonReports.mapper().readValue(identity.toFile(), RunIdentity.class).implementation().declared()
                    .map(d -> new Capabilities.Latency(Duration.ofMillis(d.callMillis()),
                            Duration.ofMillis(d.stackSetupMillis())));
        } catch (IOException e) {
            log.warn(Main.INFO + "cannot read " + identity + " (" + e.getMessage() + "); the run timeout stays "
                    + "at its default");
            return Optional.empty();
        }
    }

    /** Keeps the threads of the fork about to be killed, with the JDK's jcmd; whether it could. */
    private boolean threadDump(Process process) throws InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Path dump = output.resolve(ReportFiles.THREAD_DUMP);
        try {
            Process dumper = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(dump.toFile()).start();
            if (dumper.waitFor(DUMP_SECONDS, TimeUnit.SECONDS) && dumper.exitValue() == 0) {
                log.error(Main.INFO + "the fork's threads at the run timeout: " + dump);
                return true;
            }
            dumper.destroyForcibly();
        } catch (IOException e) {
            log.warn(Main.INFO + "no thread dump of the fork (" + jcmd + "): " + e.getMessage());
        }
        return false;
    }

    private Thread relay(Process process, AtomicReference<String> lastError) {
        Thread relay = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> {
                    if (line.startsWith(Main.ERROR)) {
                        String message = line.substring(Main.ERROR.length());
                        lastError.set(message);
                        log.error(Main.INFO + message);
                    } else if (line.startsWith(Main.WARN)) {
                        log.warn(Main.INFO + line.substring(Main.WARN.length()));
                    } else {
                        log.info(line);
                    }
                });
            } catch (IOException e) {
                log.warn("[tsm-tck] lost the forked JVM's output: " + e.getMessage());
            }
        }, "tsm-tck-fork-output");
        relay.setDaemon(true);
        relay.start();
        return relay;
    }
}
