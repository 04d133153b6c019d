package io.tsmtck.tck.device;

import io.tsmtck.api.device.SpdmChannel;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.wire.ByteEditor;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.setup.Setup;
import io.tsmtck.tck.spdm.SpdmConnection;
import io.tsmtck.tck.spdm.SpdmSession;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The device kit's own way to the device: TDISP and IDE_KM in the secured session the kit opened
 * (sealed and opened with its keys), and plaintext outside it, on the same mailbox. A message the
 * session cannot carry (the transport failed, a record did not open) fails the test, naming it.
 */
final class KitLink {

    private final Supplier<SpdmConnection> connection;
    private final Supplier<Optional<SpdmSession>> session;
    private final String device;

    KitLink(Supplier<SpdmConnection> connection, Supplier<Optional<SpdmSession>> session, String device) {
        this.connection = connection;
        this.session = session;
        this.device = device;
    }

    /**
     * Sends {@code spdmMessage} in the version the kit negotiated (its first byte, SPDMVersion, set
     * to it: DSP0274 requires every request after VCA in the negotiated version). The answer, or
     * empty when the device dropped the message.
     */
    Optional<ByteString> exchange(SpdmChannel channel, ByteString message) {
        ByteString spdmMessage = asSent(message);
        SessionResult<Optional<ByteString>> answer;
        if (channel instanceof SpdmChannel.Secured secured) {
            SpdmSession open = session.get().filter(SpdmSession::isOpen)
                    .filter(s -> s.sessionId() == secured.session().value())
                    .orElseThrow(() -> Setup.failed("send " + spdmMessage.hex() + " in " + secured.session(),
                            "the kit has no such session open with " + device));
            answer = open.exchange(spdmMessage);
        } else {
            answer = connection.get().exchangePlain(spdmMessage);
        }
        if (answer instanceof SessionResult.Failed<Optional<ByteString>> failed) {
            throw Setup.failed("exchange " + spdmMessage.hex() + " with " + device + " (" + describe(channel) + ")",
                    failed.error().toString());
        }
        return answer.orElseThrow();
    }

    /** {@code message} as it goes to the device: in the negotiated SPDMVersion, which a transcript shows. */
    ByteString asSent(ByteString message) {
        return ByteEditor.of(message).set(0, connection.get().version().code()).toByteString();
    }

    private static String describe(SpdmChannel channel) {
        return channel instanceof SpdmChannel.Secured secured ? secured.session().toString() : "plaintext";
    }
}
