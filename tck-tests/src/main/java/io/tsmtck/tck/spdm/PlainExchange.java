package io.tsmtck.tck.spdm;

import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.message.ErrorResponse;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.RequestResponseCode;
import io.tsmtck.api.spdm.message.RespondIfReady;
import io.tsmtck.api.spdm.message.SpdmCodec;
import io.tsmtck.api.spdm.message.SpdmErrorCode;
import io.tsmtck.api.spdm.message.SpdmMessage;
import io.tsmtck.api.spdm.session.SecuredMessage;
import io.tsmtck.api.spdm.session.SessionError;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.ReservedPolicy;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Plaintext SPDM over a DOE mailbox: one request, its response decoded strictly, an ERROR turned
 * into a {@link SessionError.Kind#PEER_ERROR}, ResponseNotReady followed, after the response time
 * the device asks for, by RESPOND_IF_READY.
 */
final class PlainExchange {

    /** 2^20 us, about one second: the longest ResponseNotReady wait the kit accepts. */
    static final int MAX_RDT_EXPONENT = 20;

    private final DoeMailbox mailbox;
    private final int notReadyRetries;
    /** Told of every session opened over this exchange's connection, once its FINISH_RSP is verified. */
    private final Consumer<SpdmSession> opened;

    PlainExchange(DoeMailbox mailbox, int notReadyRetries, Consumer<SpdmSession> opened) {
        this.mailbox = mailbox;
        this.notReadyRetries = notReadyRetries;
        this.opened = opened;
    }

    /** {@code session} is open (its FINISH_RSP verified). */
    void opened(SpdmSession session) {
        opened.accept(session);
    }

    /** Sends {@code request} and returns the response, which must have {@code expected}'s code. */
    <T extends SpdmMessage> SessionResult<T> send(SpdmMessage request, Class<T> expected, MessageSizes sizes) {
        SessionResult<SpdmMessage> answer = raw(request.encode(), sizes);
        for (int retry = 0; retry < notReadyRetries && notReady(answer).isPresent(); retry++) {
            ErrorResponse notReady = notReady(answer).get();
            int exponent = notReady.extended().get(0);
            if (exponent > MAX_RDT_EXPONENT) {
                return SessionResult.failed(SessionError.Kind.TRANSPORT, String.format("%s was answered "
                        + "ResponseNotReady with RDTExponent %d (2^%d us), longer than the kit waits (2^%d us)",
                        request.code(), exponent, exponent, MAX_RDT_EXPONENT));
            }
            waitMicros(1L << exponent);
            answer = raw(new RespondIfReady(request.version(), notReady.extended().get(1), notReady.extended().get(2))
                    .encode(), sizes);
        }
        if (notReady(answer).isPresent()) {
            return SessionResult.failed(SessionError.Kind.TRANSPORT, request.code() + " was still not ready after "
                    + notReadyRetries + " RESPOND_IF_READY");
        }
        return answer.then(message -> expect(request, message, expected));
    }

    /** Sends bytes as one plaintext SPDM object; the answer's bytes, or empty when the device sent none. */
    SessionResult<Optional<ByteString>> rawOrNothing(ByteString request) {
        try {
            Optional<DoeObject> answer = mailbox.exchange(DoeObject.wrap(DoeObject.TYPE_SPDM, request));
            if (answer.isPresent() && answer.get().type() != DoeObject.TYPE_SPDM) {
                return SessionResult.failed(SessionError.Kind.UNEXPECTED_MESSAGE, "DOE object type "
                        + answer.get().type() + " in answer to a plaintext SPDM request; expected 1 (SPDM)");
            }
            return SessionResult.ok(answer.map(DoeObject::data));
        } catch (IOException e) {
            return SessionResult.failed(SessionError.Kind.TRANSPORT, "the mailbox failed after sending "
                    + request.hex() + ": " + e.getMessage());
        }
    }

    /** Sends bytes as one SPDM object and decodes the answer. */
    SessionResult<SpdmMessage> raw(ByteString request, MessageSizes sizes) {
        Optional<DoeObject> answer;
        try {
            answer = mailbox.exchange(DoeObject.wrap(DoeObject.TYPE_SPDM, request));
        } catch (IOException e) {
            return SessionResult.failed(SessionError.Kind.TRANSPORT, "the mailbox failed after sending "
                    + request.hex() + ": " + e.getMessage());
        }
        if (answer.isEmpty()) {
            return SessionResult.failed(SessionError.Kind.TRANSPORT, "no answer to " + request.hex());
        }
        if (answer.get().type() != DoeObject.TYPE_SPDM) {
            return SessionResult.failed(SessionError.Kind.UNEXPECTED_MESSAGE, "DOE object type " + answer.get().type()
                    + " in answer to a plaintext SPDM request; expected 1 (SPDM)");
        }
        return decode(answer.get().data(), sizes, 3);
    }

    /** Tells a mailbox that keeps notes what the secured record it just delivered carried. */
    void opened(ByteString plaintext) {
        if (mailbox instanceof RecordNotes notes) {
            notes.received(RecordNotes.name(plaintext));
        }
    }

    /**
     * Sends one secured record; the answer is a secured record, a plaintext ERROR (DecryptError), or
     * nothing when the device dropped the request.
     */
    SessionResult<Optional<DoeObject>> securedOrNothing(SecuredMessage record, ByteString plaintext) {
        if (mailbox instanceof RecordNotes notes) {
            notes.sending(RecordNotes.name(plaintext));
        }
        try {
            return SessionResult.ok(mailbox.exchange(DoeObject.wrap(DoeObject.TYPE_SECURED_SPDM, record.encode())));
        } catch (IOException e) {
            return SessionResult.failed(SessionError.Kind.TRANSPORT, "the mailbox failed after sending a secured "
                    + "record: " + e.getMessage());
        }
    }

    static SessionResult<SpdmMessage> decode(ByteString bytes, MessageSizes sizes, int padding) {
        DecodeResult<SpdmMessage> decoded = SpdmCodec.decode(bytes, sizes, ReservedPolicy.REJECT, padding);
        if (decoded instanceof DecodeResult.Malformed<SpdmMessage> malformed) {
            return SessionResult.failed(SessionError.Kind.MALFORMED, malformed.error() + " in " + bytes.hex());
        }
        return SessionResult.ok(decoded.orElseThrow());
    }

    static <T extends SpdmMessage> SessionResult<T> expect(SpdmMessage request, SpdmMessage response,
                                                           Class<T> expected) {
        if (response instanceof ErrorResponse error) {
            return SessionResult.failed(SessionError.Kind.PEER_ERROR, request.code() + " was answered with " + error);
        }
        if (!expected.isInstance(response)) {
            return SessionResult.failed(SessionError.Kind.UNEXPECTED_MESSAGE, request.code() + " was answered with "
                    + response.code() + " (" + response.encode().hex() + "), expected " + expected.getSimpleName());
        }
        if (response.version() != request.version() && request.code() != RequestResponseCode.GET_VERSION) {
            return SessionResult.failed(SessionError.Kind.UNEXPECTED_MESSAGE, String.format(
                    "%s was answered in SPDM version 0x%02X, the request's is 0x%02X", request.code(),
                    response.version(), request.version()));
        }
        return SessionResult.ok(expected.cast(response));
    }

    /** The device's response time RDT (DSP0274 ResponseNotReady) the requester waits before RESPOND_IF_READY. */
    private static void waitMicros(long micros) {
        long deadline = System.nanoTime() + micros * 1000;
        for (long left = micros * 1000; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private static Optional<ErrorResponse> notReady(SessionResult<SpdmMessage> answer) {
        if (answer instanceof SessionResult.Ok<SpdmMessage> ok && ok.value() instanceof ErrorResponse error
                && error.errorCode() == SpdmErrorCode.RESPONSE_NOT_READY.code() && error.extended().size() == 4) {
            return Optional.of(error);
        }
        return Optional.empty();
    }
}
