package io.tsmtck.tck.runner;

import io.tsmtck.tck.catalogue.Catalogue;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The progress log of a run ({@value IncompleteReports#PROGRESS_FILE}): a line when each test
 * starts and when it finishes, flushed at once, so that whatever ends the fork (a kill at the run
 * timeout, an exit or halt inside the implementation) the test that was running is known. Also
 * prints the area being run.
 */
final class ProgressLog implements TestOutcomes.ProgressListener, AutoCloseable {

    /** The status field of a "started" line. */
    static final String STARTED = "STARTED";

    private final PrintWriter log;
    private final PrintStream out;
    private final Set<String> areasSeen = new HashSet<>();

    ProgressLog(Path directory, PrintStream out) throws IOException {
        this.log = new PrintWriter(Files.newBufferedWriter(directory.resolve(IncompleteReports.PROGRESS_FILE)), true);
        this.out = out;
    }

    @Override
    public synchronized void started(String ruleId, String name) {
        log.println(ruleId + "\t" + STARTED + "\t" + name);
        Catalogue.standard().rule(ruleId).map(rule -> rule.area()).filter(area -> areasSeen.add(area.name()))
                .ifPresent(area -> out.println(Main.INFO + "running " + area + " rules"));
    }

    /**
     * A "finished" line carries the test's message and blocker too, escaped onto one line, so that
     * the report of a run that never finished still says why each finished test failed.
     */
    @Override
    public synchronized void finished(TestOutcomes.Outcome outcome) {
        log.println(outcome.ruleId() + "\t" + outcome.status() + "\t" + outcome.name() + "\t"
                + escape(outcome.message()) + "\t" + escape(outcome.blockedBy()));
    }

    /** {@code text} on one line without tabs: backslash, newline, carriage return and tab escaped. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    /** The text {@link #escape} escaped. */
    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next == 't' ? '\t' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        log.close();
    }
}
