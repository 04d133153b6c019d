package io.tsmtck.tck.runner;

import io.tsmtck.tck.report.HtmlReports;
import io.tsmtck.tck.report.JsonReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every file and folder a run writes into the report directory, and their removal before a run:
 * a page from an earlier run must never sit beside the new result. Nothing else in the directory
 * is touched.
 */
public final class ReportFiles {

    /** The run configuration the plugin hands the fork. */
    public static final String RUN_CONFIG = "run-config.json";
    /** The catalogue page. */
    public static final String RULES_PAGE = "rules.md";
    /** JUnit's legacy XML reports. */
    public static final String JUNIT_XML = "junit-xml";
    /** Open Test Reporting XML. */
    public static final String OPEN_TEST_REPORTING = "open-test-reporting";
    /** Allure results. */
    public static final String ALLURE_RESULTS = "allure-results";
    /** The Allure HTML report. */
    public static final String ALLURE_REPORT = "allure-report";
    /** The run's identity, written before the first test. */
    public static final String IDENTITY = "run-identity.json";
    /** Thread dump of a fork killed at the run timeout. */
    public static final String THREAD_DUMP = "thread-dump.txt";

    /** Everything the kit writes, by name. */
    public static final List<String> ALL = List.of(JsonReports.FILE, HtmlReports.FILE, RUN_CONFIG, RULES_PAGE,
            IncompleteReports.PROGRESS_FILE, IDENTITY, IDENTITY + ".partial", JUNIT_XML, OPEN_TEST_REPORTING, ALLURE_RESULTS, ALLURE_REPORT,
            THREAD_DUMP);

    private ReportFiles() {
    }

    /** Removes from {@code directory} every file and folder of {@link #ALL} that is there. */
    public static void clear(Path directory) throws IOException {
        for (String name : ALL) {
            Path path = directory.resolve(name);
            if (Files.isDirectory(path)) {
                try (Stream<Path> tree = Files.walk(path)) {
                    for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(each);
                    }
                }
            } else {
                Files.deleteIfExists(path);
            }
        }
    }
}
