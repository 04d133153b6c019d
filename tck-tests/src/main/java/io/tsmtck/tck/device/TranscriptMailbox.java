package io.tsmtck.tck.device;

import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.message.RequestResponseCode;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.binding.ImplementationFailure;
import io.tsmtck.tck.binding.RuleContext;
import io.tsmtck.tck.binding.Transcript;
import io.tsmtck.tck.spdm.RecordNotes;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The device's mailbox as the kit's requester uses it, writing every DOE object that goes over it
 * into the running test's transcript (or, outside any test, the transcript of the meeting before
 * the tests): the SPDM messages by name (GET_VERSION to KEY_EXCHANGE in the clear; FINISH,
 * END_SESSION, KEY_UPDATE and application messages as the secured records of a session, named from
 * what the requester tells it, {@link RecordNotes}), which side sent each, and how long the kit
 * waited for the answer.
 */
public final class TranscriptMailbox implements DoeMailbox, RecordNotes {

    /** How much of a message's bytes a line shows. */
    private static final int SHOWN_BYTES = 48;

    private final DoeMailbox mailbox;
    private final String device;
    private final Transcript outside;
    /** What the requester said the next secured record carries; read by the thread that sends it. */
    private final ThreadLocal<String> carrying = new ThreadLocal<>();

    TranscriptMailbox(DoeMailbox mailbox, String device, Transcript outside) {
        this.mailbox = mailbox;
        this.device = device;
        this.outside = outside;
    }

    @Override
    public Optional<DoeObject> exchange(DoeObject request) throws IOException {
        Transcript transcript = transcript();
        String carried = carrying.get();
        carrying.remove();
        transcript.note("kit -> " + device + ": " + describe(request)
                + (carried == null ? "" : ", carrying " + carried));
        long start = System.nanoTime();
        long sent = request.encode().size();
        try {
            Optional<DoeObject> answer = mailbox.exchange(request);
            long waited = System.nanoTime() - start;
            RuleContext.current().ifPresent(context -> context.exchanged(answer.isPresent() ? 2 : 1,
                    sent + answer.map(a -> (long) a.encode().size()).orElse(0L), waited));
            transcript.note(device + " -> kit, after " + millis(start) + " ms: "
                    + answer.map(TranscriptMailbox::describe).orElse("nothing (no answer)"));
            return answer;
        } catch (IOException e) {
            long waited = System.nanoTime() - start;
            RuleContext.current().ifPresent(context -> context.exchanged(1, sent, waited));
            transcript.note(device + ": no answer, after " + millis(start) + " ms: " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            transcript.note(device + ": the mailbox threw " + e + ", after " + millis(start) + " ms");
            throw ImplementationFailure.threw("DoeMailbox.exchange(" + describe(request) + ") of " + device, e,
                    "a device answers every request, however wrong, with a DOE object, or with none where the"
                    + " specification drops it, and reports a broken transport as an IOException; fix the"
                    + " exception at the top of this stack.");
        }
    }

    @Override
    public void sending(String message) {
        carrying.set(message);
    }

    @Override
    public void received(String message) {
        transcript().note("  (" + device + "'s record carried " + message + ")");
    }

    @Override
    public void close() throws IOException {
        mailbox.close();
    }

    private Transcript transcript() {
        return RuleContext.current().map(RuleContext::transcript).orElse(outside);
    }

    private static long millis(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** "SPDM KEY_EXCHANGE (11 e4 ...)", "secured SPDM record of session 0xFFFE0001, 96 bytes". */
    static String describe(DoeObject object) {
        ByteString data = object.data();
        if (object.type() == DoeObject.TYPE_SPDM && data.size() >= 2) {
            String name = RequestResponseCode.fromCode(data.get(1) & 0xFF).map(Enum::name)
                    .orElse(String.format("message of unknown code 0x%02X", data.get(1) & 0xFF));
            return String.format("SPDM %s, version 0x%02X (%s)", name, data.get(0) & 0xFF, shown(data));
        }
        if (object.type() == DoeObject.TYPE_SECURED_SPDM && data.size() >= 4) {
            long session = (data.get(0) & 0xFFL) | (data.get(1) & 0xFFL) << 8 | (data.get(2) & 0xFFL) << 16
                    | (data.get(3) & 0xFFL) << 24;
            return String.format("secured SPDM record of session 0x%08X, %d bytes", session, data.size());
        }
        return "DOE object of type " + object.type() + ", " + data.size() + " bytes (" + shown(data) + ")";
    }

    private static String shown(ByteString data) {
        return data.size() <= SHOWN_BYTES ? data.hex()
                : ByteString.copyOf(data.toByteArray(), 0, SHOWN_BYTES).hex() + " ... " + data.size() + " bytes";
    }
}
