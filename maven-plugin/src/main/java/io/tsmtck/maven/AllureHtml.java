package io.tsmtck.maven;

import io.tsmtck.tck.runner.ReportFiles;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.maven.plugin.logging.Log;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * The single-file Allure HTML report of a run: resolves {@code io.qameta.allure:allure-commandline}
 * from the project's repositories, unpacks it once, and runs {@code allure generate --single-file}
 * on the run's results (only the single-file report opens from disk). Allure is the detailed view;
 * a failure here is a warning, never a failed certification.
 */
final class AllureHtml {

    /** The pinned Allure command line. */
    static final String COMMANDLINE = "io.qameta.allure:allure-commandline:zip:2.34.0";
    private static final String HOME = "allure-2.34.0";

    private final RepositorySystem repositories;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> remotes;
    private final Log log;

    AllureHtml(RepositorySystem repositories, RepositorySystemSession session, List<RemoteRepository> remotes, Log log) {
        this.repositories = repositories;
        this.session = session;
        this.remotes = remotes;
        this.log = log;
    }

    /** Writes {@code allure-report/index.html} beside {@code allure-results} in {@code output}. */
    void generate(Path output, Path workDirectory) {
        Path results = output.resolve(ReportFiles.ALLURE_RESULTS);
        if (!Files.isDirectory(results)) {
            return;
        }
        try {
            Path home = unpack(workDirectory);
            Path script = home.resolve("bin").resolve("allure");
            ProcessBuilder command = new ProcessBuilder(script.toString(), "generate", "--clean", "--single-file",
                    "-o", output.resolve(ReportFiles.ALLURE_REPORT).toString(), results.toString())
                    .redirectErrorStream(true).redirectOutput(output.resolve("allure-generate.log").toFile());
            command.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = command.start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                log.warn("[tsm-tck] the Allure HTML report was not generated; see " + output.resolve("allure-generate.log"));
                return;
            }
            log.info("[tsm-tck] Allure report: " + output.resolve(ReportFiles.ALLURE_REPORT).resolve("index.html"));
        } catch (IOException | ArtifactResolutionException e) {
            log.warn("[tsm-tck] the Allure HTML report was not generated: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path unpack(Path workDirectory) throws IOException, ArtifactResolutionException {
        Path home = workDirectory.resolve(HOME);
        if (Files.isExecutable(home.resolve("bin").resolve("allure"))) {
            return home;
        }
        File zip = repositories.resolveArtifact(session, new ArtifactRequest(new DefaultArtifact(COMMANDLINE), remotes,
                null)).getArtifact().getFile();
        try (ZipFile archive = new ZipFile(zip)) {
            for (ZipEntry entry : Collections.list(archive.entries())) {
                Path target = workDirectory.resolve(entry.getName()).normalize();
                if (!target.startsWith(workDirectory)) {
                    throw new IOException("refusing zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        if (!home.resolve("bin").resolve("allure").toFile().setExecutable(true)) {
            throw new IOException("cannot make " + home.resolve("bin/allure") + " executable");
        }
        return home;
    }
}
