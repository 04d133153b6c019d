package io.tsmtck.tck.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes and reads {@code certification-report.json}. */
public final class JsonReports {

    /** The report's file name. */
    public static final String FILE = "certification-report.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new Jdk8Module())
            .enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReports() {
    }

    /** The mapper the kit's JSON files are written and read with. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writes {@code report} into {@code directory}; returns the file. */
    public static Path write(CertificationReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE);
        MAPPER.writeValue(file.toFile(), report);
        return file;
    }

    /** Reads a report written by {@link #write}. */
    public static CertificationReport read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), CertificationReport.class);
    }
}
