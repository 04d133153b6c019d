package io.tsmtck.api.spdm.session;

import io.tsmtck.api.spdm.algorithm.AeadAlgorithm;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireWriter;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Record protection of one session at one end: the keys of both directions, their implicit
 * sequence numbers (DSP0277 over PCI DOE), the handshake-to-application switch and KEY_UPDATE.
 * A record that does not open ends the channel: nothing is sealed or opened after it.
 *
 * <p>Lifecycle: created when KEY_EXCHANGE_RSP (or PSK_EXCHANGE_RSP) is accepted, in the handshake
 * phase; {@link #enterApplicationPhase} after FINISH_RSP; {@link #end} at END_SESSION or on any
 * failure. Threading: not thread-safe; one session is one conversation.
 */
public final class SecureChannel {

    /** Where the channel is in its life. */
    public enum Phase {
        HANDSHAKE,
        APPLICATION,
        ENDED
    }

    private static final long LAST_SEQUENCE = -1L;

    private final long sessionId;
    private final SessionRole role;
    private final KeySchedule schedule;
    private final Map<SessionRole, Direction> directions = new EnumMap<>(SessionRole.class);
    private Phase phase = Phase.HANDSHAKE;
    private Optional<SessionError> endedBy = Optional.empty();

    /** A channel in its handshake phase, keyed from {@code handshake}. */
    public SecureChannel(long sessionId, SessionRole role, KeySchedule schedule, HandshakeSecrets handshake) {
        this.sessionId = sessionId;
        this.role = Objects.requireNonNull(role, "role");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        directions.put(SessionRole.REQUESTER, new Direction(handshake.request()));
        directions.put(SessionRole.RESPONDER, new Direction(handshake.response()));
    }

    public long sessionId() {
        return sessionId;
    }

    public Phase phase() {
        return phase;
    }

    /** The failure that ended the channel, if one did. */
    public Optional<SessionError> endedBy() {
        return endedBy;
    }

    /** Switches both directions to the data keys (after FINISH_RSP); sequence numbers restart at 0. */
    public void enterApplicationPhase(DataSecrets data) {
        requireOpen();
        directions.get(SessionRole.REQUESTER).rekey(data.request());
        directions.get(SessionRole.RESPONDER).rekey(data.response());
        phase = Phase.APPLICATION;
    }

    /**
     * Moves the keys of {@code sender}'s direction to the next data secret (KEY_UPDATE); its sequence
     * number restarts at 0.
     */
    public void updateKeys(SessionRole sender) {
        requireOpen();
        if (phase != Phase.APPLICATION) {
            throw new IllegalStateException("KEY_UPDATE needs the application phase, the channel is in " + phase);
        }
        Direction direction = directions.get(sender);
        direction.rekey(schedule.updated(direction.secret));
    }

    /** Ends the channel (END_SESSION). */
    public void end() {
        phase = Phase.ENDED;
    }

    /** Seals {@code appMessage} for the peer, with no random padding. */
    public SessionResult<SecuredMessage> seal(ByteString appMessage) {
        return seal(appMessage, 0, new SecureRandom());
    }

    /** Seals {@code appMessage} for the peer, followed by {@code randomLength} random bytes. */
    public SessionResult<SecuredMessage> seal(ByteString appMessage, int randomLength, SecureRandom random) {
        if (phase == Phase.ENDED) {
            return SessionResult.failed(SessionError.Kind.SESSION_ENDED, "the session " + hexId() + " has ended");
        }
        Direction own = directions.get(role);
        if (own.sequence == LAST_SEQUENCE) {
            return fail(SessionError.Kind.SEQUENCE_EXHAUSTED, "the send sequence number would wrap");
        }
        byte[] padding = new byte[randomLength];
        random.nextBytes(padding);
        ByteString plaintext = WireWriter.littleEndian().u16(appMessage.size()).bytes(appMessage)
                .bytes(ByteString.of(padding)).toByteString();
        int length = plaintext.size() + AeadAlgorithm.TAG_SIZE;
        byte[] aad = new SecuredMessage(sessionId, ByteString.zeros(length)).aad();
        byte[] sealed = schedule.aead().seal(own.keys.key().toByteArray(), own.keys.iv(own.sequence), aad,
                plaintext.toByteArray());
        own.sequence++;
        return SessionResult.ok(new SecuredMessage(sessionId, ByteString.of(sealed)));
    }

    /** Opens a record from the peer and returns its application message; a failure ends the channel. */
    public SessionResult<ByteString> open(SecuredMessage record) {
        if (phase == Phase.ENDED) {
            return SessionResult.failed(SessionError.Kind.SESSION_ENDED, "the session " + hexId() + " has ended");
        }
        if (record.sessionId() != sessionId) {
            return SessionResult.failed(SessionError.Kind.UNKNOWN_SESSION, String.format(
                    "record for session 0x%08x on session %s", record.sessionId(), hexId()));
        }
        Direction peer = directions.get(role.peer());
        if (peer.sequence == LAST_SEQUENCE) {
            return fail(SessionError.Kind.SEQUENCE_EXHAUSTED, "the receive sequence number would wrap");
        }
        Optional<byte[]> plaintext = schedule.aead().open(peer.keys.key().toByteArray(), peer.keys.iv(peer.sequence),
                record.aad(), record.sealed().toByteArray());
        if (plaintext.isEmpty()) {
            return fail(SessionError.Kind.AUTHENTICATION_FAILED, String.format(
                    "the MAC of a %d-byte record does not verify with the %s keys of the %s direction at sequence "
                            + "number %d (tampered, truncated, replayed or reordered)",
                    record.sealed().size(), phase, role.peer(), peer.sequence));
        }
        WireReader in = WireReader.littleEndian(ByteString.of(plaintext.get()), "secured message plaintext",
                ReservedPolicy.IGNORE);
        try {
            int appLength = in.u16("AppDataLength");
            ByteString app = in.bytes("AppData", appLength);
            peer.sequence++;
            return SessionResult.ok(app);
        } catch (MalformedException e) {
            return fail(SessionError.Kind.MALFORMED, e.error().toString());
        }
    }

    private <T> SessionResult<T> fail(SessionError.Kind kind, String detail) {
        SessionError error = new SessionError(kind, hexId() + ": " + detail);
        endedBy = Optional.of(error);
        phase = Phase.ENDED;
        return SessionResult.failed(error);
    }

    private void requireOpen() {
        if (phase == Phase.ENDED) {
            throw new IllegalStateException("the session " + hexId() + " has ended");
        }
    }

    private String hexId() {
        return String.format("0x%08x", sessionId);
    }

    private final class Direction {
        private ByteString secret;
        private TrafficKeys keys;
        private long sequence;

        private Direction(ByteString secret) {
            rekey(secret);
        }

        private void rekey(ByteString newSecret) {
            secret = newSecret;
            keys = schedule.trafficKeys(newSecret);
            sequence = 0;
        }
    }
}
