package io.tsmtck.tck.spdm;

import io.tsmtck.api.spdm.algorithm.AlgorithmSuite;
import io.tsmtck.api.spdm.message.GetMeasurements;
import io.tsmtck.api.spdm.message.MeasurementsResponse;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.session.SessionError;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.spdm.session.SignedMessages;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A run of GET_MEASUREMENTS on one connection or in one session, and the L1/L2 transcript the
 * device signs (DSP0274 "Measurement signature"): from 1.2 the VCA, then every GET_MEASUREMENTS and
 * MEASUREMENTS since the last signed one, the signed response up to its signature. The reader keeps
 * that transcript across {@link #read} calls, as the device does; nothing else may be sent on its
 * channel meanwhile (any other request starts the device's transcript again).
 */
public final class MeasurementReader {

    private final SpdmConnection connection;
    private final Function<ByteString, SessionResult<Optional<ByteString>>> channel;
    private final String where;
    private WireWriter transcript = WireWriter.littleEndian();
    private int unsigned;

    private MeasurementReader(SpdmConnection connection,
                              Function<ByteString, SessionResult<Optional<ByteString>>> channel, String where) {
        this.connection = connection;
        this.channel = channel;
        this.where = where;
    }

    /** Measurements read in the clear on {@code connection}. */
    public static MeasurementReader inTheClear(SpdmConnection connection) {
        return new MeasurementReader(connection, connection::exchangePlain, "in the clear");
    }

    /** Measurements read in {@code session}, a session of {@code connection}. */
    public static MeasurementReader inSession(SpdmConnection connection, SpdmSession session) {
        return new MeasurementReader(connection, session::exchange, String.format("in session 0x%08x",
                session.sessionId()));
    }

    /** Where the requests go, for messages ("in the clear", "in session 0x..."). */
    public String where() {
        return where;
    }

    /** A request for {@code operation} in the connection's version, signed over a fresh nonce or not. */
    public GetMeasurements request(int operation, boolean signed, ByteString nonce) {
        int version = connection.version().code();
        ByteString context = version >= 0x13 ? ByteString.ofHex("4d4541535f4b4954") : ByteString.EMPTY;
        return signed ? GetMeasurements.signed(version, operation, nonce, 0, context)
                : GetMeasurements.unsigned(version, operation, context);
    }

    /**
     * Sends one request outside the transcript (a request the device must refuse); its answer's bytes,
     * if any. The transcript starts again: what the device keeps after an ERROR is not the kit's to
     * assume, so a signed read must not follow without a fresh start (libspdm starts again).
     */
    public SessionResult<Optional<ByteString>> send(GetMeasurements request) {
        transcript = WireWriter.littleEndian();
        unsigned = 0;
        return channel.apply(request.encode());
    }

    /**
     * Sends {@code requests} in order and returns their MEASUREMENTS; a signed one's signature must
     * verify with the leaf key over L1/L2. Fails on the first answer that is not a MEASUREMENTS
     * (an ERROR, nothing, bytes that do not decode) or whose signature does not verify.
     */
    public SessionResult<List<MeasurementsResponse>> read(List<GetMeasurements> requests) {
        AlgorithmSuite suite = connection.suite();
        List<MeasurementsResponse> responses = new ArrayList<>();
        for (GetMeasurements request : requests) {
            SessionResult<Optional<ByteString>> answer = channel.apply(request.encode());
            if (!answer.isOk()) {
                return SessionResult.failed(answer.failure().orElseThrow());
            }
            MessageSizes sizes = MessageSizes.of(suite).withSignedMeasurements(request.signatureRequested());
            SessionResult<MeasurementsResponse> decoded = answer.orElseThrow()
                    .map(bytes -> PlainExchange.decode(bytes, sizes, 3)
                            .then(message -> PlainExchange.expect(request, message, MeasurementsResponse.class)))
                    .orElseGet(() -> SessionResult.failed(SessionError.Kind.TRANSPORT, "no answer to "
                            + request + " " + where));
            if (!decoded.isOk()) {
                transcript = WireWriter.littleEndian();
                unsigned = 0;
                return SessionResult.failed(decoded.failure().orElseThrow());
            }
            MeasurementsResponse response = decoded.orElseThrow();
            transcript.bytes(request.encode()).bytes(response.beforeSignature());
            int covered = ++unsigned;
            if (request.signatureRequested()) {
                unsigned = 0;
                byte[] l1l2 = WireWriter.littleEndian()
                        .bytes(connection.version().signsWithContext() ? connection.vca() : ByteString.EMPTY)
                        .bytes(transcript.toByteString()).toByteString().toByteArray();
                transcript = WireWriter.littleEndian();
                byte[] signed = SignedMessages.toBeSigned(connection.version(), suite.hash(),
                        SignedMessages.MEASUREMENTS, l1l2);
                if (!suite.asym().verify(suite.hash(), connection.leaf().getPublicKey(), signed,
                        response.signature().toByteArray())) {
                    return SessionResult.failed(SessionError.Kind.BAD_SIGNATURE, String.format("the MEASUREMENTS "
                            + "signature %s (response %d of %d, %s) does not verify with the key of %s over L1/L2: "
                            + "%s the %d GET_MEASUREMENTS and MEASUREMENTS since the last signed one",
                            response.signature().hex(), responses.size() + 1, requests.size(), where,
                            connection.leaf().getSubjectX500Principal(), connection.version().signsWithContext()
                                    ? "the VCA and" : "", covered));
                }
            }
            responses.add(response);
        }
        return SessionResult.ok(List.copyOf(responses));
    }
}
