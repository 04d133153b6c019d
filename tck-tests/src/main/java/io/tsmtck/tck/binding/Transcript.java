package io.tsmtck.tck.binding;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.device.TranscriptMailbox;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages one test (or the meeting with the device before the tests) sent to a device and
 * what came back, for failure reports: every DOE object by name, sender and time waited
 * ({@link TranscriptMailbox}), and each TDISP and IDE_KM exchange in the clear, as hex.
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

    /** Records a line of what went on: a message the kit's requester sent or received, a wait. */
    public synchronized void note(String line) {
        lines.add(line);
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
