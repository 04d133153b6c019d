package io.tsmtck.tck.support;

import io.tsmtck.api.wire.ByteString;
import java.util.ArrayList;
import java.util.List;

/**
 * The SPDM messages one test sent to a device and what came back, as hex, for failure reports.
 *
 * <p>Threading: synchronised; one transcript per test.
 */
public final class Transcript {

    private final List<String> lines = new ArrayList<>();

    /** Records one exchange; {@code answer} is null when the device did not answer. */
    public synchronized void record(String channel, ByteString request, ByteString answer) {
        lines.add("> " + channel + " " + request.hex());
        lines.add(answer == null ? "< (no response)" : "< " + answer.hex());
    }

    /** Whether anything was exchanged. */
    public synchronized boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The exchanges, one line per message. */
    public synchronized String render() {
        return String.join(System.lineSeparator(), lines);
    }
}
