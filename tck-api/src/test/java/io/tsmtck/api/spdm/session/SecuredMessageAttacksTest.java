package io.tsmtck.api.spdm.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A record that is not exactly the next one the sender sealed ends the session with a typed error:
 * any byte changed, cut short, replayed, reordered, for another session, or after the end. Uses the
 * first data-phase records of session S1 of the recorded run (frames 30 and 32, requester to
 * responder).
 */
class SecuredMessageAttacksTest {

    private static final RecordedRun RUN = RecordedRun.p384();
    private static final RecordedSession S1 = new RecordedSession(RUN, RUN.session().get(0));

    static IntStream everyByteOfTheFirstRecord() {
        return IntStream.range(0, firstRecord().encode().size());
    }

    @ParameterizedTest(name = "byte {0}")
    @MethodSource("everyByteOfTheFirstRecord")
    void aChangedByteEndsTheSession(int offset) {
        SecureChannel responder = applicationPhase();
        byte[] bytes = firstRecord().encode().toByteArray();
        bytes[offset] ^= 0x01;
        DecodeResult<SecuredMessage> decoded = SecuredMessage.decode(ByteString.of(bytes), 3);
        if (offset == 4 || offset == 5) {
            assertThat(decoded.isDecoded()).as("record with its Length changed").isFalse();
            return;
        }
        SessionResult<ByteString> opened = responder.open(decoded.orElseThrow());
        SessionError.Kind expected = offset < 4 ? SessionError.Kind.UNKNOWN_SESSION
                : SessionError.Kind.AUTHENTICATION_FAILED;
        assertThat(opened.failure()).as("record with byte %d changed", offset).isPresent();
        assertThat(opened.failure().orElseThrow().kind()).isEqualTo(expected);
        if (expected == SessionError.Kind.AUTHENTICATION_FAILED) {
            assertThat(responder.open(firstRecord()).failure().orElseThrow().kind())
                    .as("the genuine record after a forged one").isEqualTo(SessionError.Kind.SESSION_ENDED);
        }
    }

    @Test
    void aChangedLengthFieldIsMalformedOrFailsTheTag() {
        ByteString record = firstRecord().encode();
        for (int delta : new int[] {-1, 1, 16, -16}) {
            byte[] bytes = record.toByteArray();
            int length = (bytes[4] & 0xFF | (bytes[5] & 0xFF) << 8) + delta;
            bytes[4] = (byte) length;
            bytes[5] = (byte) (length >> 8);
            assertThat(SecuredMessage.decode(ByteString.of(bytes), 3).isDecoded()).as("Length %+d", delta).isFalse();
        }
    }

    @Test
    void aTruncatedRecordDoesNotDecode() {
        ByteString record = firstRecord().encode();
        for (int cut = 1; cut < record.size(); cut++) {
            ByteString shorter = ByteString.copyOf(record.toByteArray(), 0, record.size() - cut);
            assertThat(SecuredMessage.decode(shorter, 3).isDecoded()).as("cut %d bytes", cut).isFalse();
        }
    }

    @Test
    void aReplayedRecordEndsTheSession() {
        SecureChannel responder = applicationPhase();
        assertThat(responder.open(firstRecord()).isOk()).isTrue();
        SessionResult<ByteString> replay = responder.open(firstRecord());
        assertThat(replay.failure().orElseThrow().kind()).isEqualTo(SessionError.Kind.AUTHENTICATION_FAILED);
        assertThat(responder.phase()).isEqualTo(SecureChannel.Phase.ENDED);
        assertThat(responder.endedBy()).isPresent();
    }

    @Test
    void aReorderedRecordEndsTheSession() {
        SecureChannel responder = applicationPhase();
        SessionResult<ByteString> second = responder.open(record(32));
        assertThat(second.failure().orElseThrow().kind()).isEqualTo(SessionError.Kind.AUTHENTICATION_FAILED);
        assertThat(responder.open(firstRecord()).failure().orElseThrow().kind())
                .isEqualTo(SessionError.Kind.SESSION_ENDED);
    }

    @Test
    void inOrderTheSecondRecordOpens() {
        SecureChannel responder = applicationPhase();
        assertThat(responder.open(firstRecord()).isOk()).isTrue();
        assertThat(responder.open(record(32)).isOk()).isTrue();
    }

    @Test
    void aRecordForAnotherSessionIsRefusedWithoutEndingThisOne() {
        SecureChannel responder = applicationPhase();
        SecuredMessage other = new SecuredMessage(0xFFFEFFFEL, firstRecord().sealed());
        assertThat(responder.open(other).failure().orElseThrow().kind()).isEqualTo(SessionError.Kind.UNKNOWN_SESSION);
        assertThat(responder.open(firstRecord()).isOk()).isTrue();
    }

    @Test
    void nothingIsSealedOrOpenedAfterTheEnd() {
        SecureChannel requester = S1.channel(SessionRole.REQUESTER);
        requester.end();
        assertThat(requester.seal(ByteString.ofHex("12ec0100")).failure().orElseThrow().kind())
                .isEqualTo(SessionError.Kind.SESSION_ENDED);
        assertThat(requester.open(firstRecord()).failure().orElseThrow().kind())
                .isEqualTo(SessionError.Kind.SESSION_ENDED);
    }

    @Test
    void handshakeKeysDoNotOpenADataRecord() {
        SecureChannel responder = S1.channel(SessionRole.RESPONDER);
        assertThat(responder.open(firstRecord()).failure().orElseThrow().kind())
                .isEqualTo(SessionError.Kind.AUTHENTICATION_FAILED);
    }

    @Test
    void keyUpdateChangesTheKeysOfOneDirectionOnly() {
        SecureChannel requester = applicationPhase(SessionRole.REQUESTER);
        SecureChannel responder = applicationPhase();
        requester.updateKeys(SessionRole.REQUESTER);
        responder.updateKeys(SessionRole.REQUESTER);
        SecuredMessage updated = requester.seal(ByteString.ofHex("12e90201")).orElseThrow();
        assertThat(updated).isNotEqualTo(firstRecord());
        assertThat(responder.open(updated).orElseThrow()).isEqualTo(ByteString.ofHex("12e90201"));
        SecuredMessage answer = responder.seal(ByteString.ofHex("12690201")).orElseThrow();
        SecureChannel stale = applicationPhase(SessionRole.REQUESTER);
        assertThat(stale.open(answer).isOk()).as("the response direction kept its keys").isTrue();
    }

    private static SecureChannel applicationPhase() {
        return applicationPhase(SessionRole.RESPONDER);
    }

    private static SecureChannel applicationPhase(SessionRole role) {
        SecureChannel channel = S1.channel(role);
        channel.enterApplicationPhase(S1.data);
        return channel;
    }

    private static SecuredMessage firstRecord() {
        return record(30);
    }

    private static SecuredMessage record(int index) {
        ByteString payload = RecordedRun.hex(RUN.frames.stream().filter(f -> f.path("index").asInt(-1) == index)
                .findFirst().orElseThrow().get("payload_hex"));
        return SecuredMessage.decode(DoeObject.decode(payload).orElseThrow().data(), 3).orElseThrow();
    }
}
