package io.tsmtck.tck.tests.spdm;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;
import static io.tsmtck.tck.tests.spdm.InSession.assertServed;
import static io.tsmtck.tck.tests.spdm.InSession.describe;

import io.tsmtck.api.spdm.message.CapabilityFlag;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.RequestResponseCode;
import io.tsmtck.api.spdm.message.SessionControl;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.binding.Applicability;
import io.tsmtck.tck.binding.Should;
import io.tsmtck.tck.catalogue.Condition;
import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.device.DeviceCases;
import io.tsmtck.tck.device.DeviceSut;
import io.tsmtck.tck.device.HeartbeatWait;
import io.tsmtck.tck.device.SpdmAnswer;
import io.tsmtck.tck.spdm.SpdmSession;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HeartbeatPeriod a device announces in KEY_EXCHANGE_RSP, held to: a session that hears nothing
 * for twice the period ends, one that gets a HEARTBEAT every half period lives on. The wait is the
 * protocol's own (the period the device chose), bounded by {@value KitConfig#TIMEOUT_HEARTBEAT}.
 */
@Tag("area-spdm")
class HeartbeatTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource(DeviceCases.DEVICE)
    @Should("SPDM-22")
    void aSessionThatMissesItsHeartbeatEndsAndOneThatKeepsItDoesNot(DeviceSut sut) {
        SpdmSession kept = sut.session();
        Applicability.requireSpdmCapability(sut.connection(), Condition.ADVERTISES_HEARTBEAT,
                CapabilityFlag.HBEAT_CAP);
        Applicability.requireHeartbeatPeriod(kept);
        Duration period = Duration.ofSeconds(kept.heartbeatPeriod());
        Duration silence = HeartbeatWait.silence(period);
        HeartbeatWait.requireWithinBudget(period, silence);
        SpdmSession idle = sut.openSecondSession();
        long end = System.nanoTime() + silence.toNanos(); // the device heard FINISH before the kit read FINISH_RSP
        Duration beat = period.dividedBy(2);

        int beats = 0;
        for (long next = System.nanoTime() + beat.toNanos(); waitUntil(next - end < 0 ? next : end) - end < 0;
                next += beat.toNanos()) {
            beats++;
            SessionResult<SessionControl> ack = kept.heartbeat();
            assertThat(String.format("answer to HEARTBEAT %d in session 0x%08x, one every %d ms (HeartbeatPeriod"
                    + " %d s)", beats, kept.sessionId(), beat.toMillis(), period.toSeconds()),
                    ack.isOk() ? "HEARTBEAT_ACK" : ack.failure().orElseThrow().toString()).is("HEARTBEAT_ACK");
        }
        // the kept session first: a device may end the connection on the record of the ended one
        assertServed(sut, kept, String.format("after %d HEARTBEATs in %d ms", beats, silence.toMillis()));
        SessionResult<Optional<ByteString>> answer;
        try {
            answer = idle.exchange(new SessionControl(sut.connection().version().code(),
                    RequestResponseCode.HEARTBEAT, 0, 0).encode());
        } finally {
            sut.connectionReset(); // the device may answer the record of an ended session by closing
        }
        assertThat(String.format("answer to HEARTBEAT in session 0x%08x after %d ms without a message (HeartbeatPeriod"
                + " %d s), while session 0x%08x got one every %d ms", idle.sessionId(), silence.toMillis(),
                period.toSeconds(), kept.sessionId(), beat.toMillis()), describe(answer))
                .satisfies(d -> !acknowledged(answer), "no HEARTBEAT_ACK: the session ended after twice the period");
    }

    /** Parks until {@code deadline} ({@link System#nanoTime()}), and returns the time then. */
    private static long waitUntil(long deadline) {
        long now = System.nanoTime();
        while (now - deadline < 0) {
            LockSupport.parkNanos(deadline - now);
            now = System.nanoTime();
        }
        return now;
    }

    private static boolean acknowledged(SessionResult<Optional<ByteString>> answer) {
        return answer.isOk() && new SpdmAnswer(answer.orElseThrow(), MessageSizes.none())
                .is(RequestResponseCode.HEARTBEAT_ACK);
    }
}
