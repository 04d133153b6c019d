package io.tsmtck.tck.tests.spdm;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;
import static io.tsmtck.tck.tests.spdm.InSession.describe;
import static io.tsmtck.tck.tests.spdm.InSession.served;
import static io.tsmtck.tck.tests.spdm.InSession.tdispGetVersion;

import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.spdm.message.CapabilityFlag;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.SpdmErrorCode;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.binding.Applicability;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.catalogue.Condition;
import io.tsmtck.tck.device.DeviceCases;
import io.tsmtck.tck.device.DeviceSut;
import io.tsmtck.tck.device.SpdmAnswer;
import io.tsmtck.tck.spdm.SpdmConnection;
import io.tsmtck.tck.spdm.SpdmSession;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The handshake in the clear, for a device that advertises it: with HANDSHAKE_IN_THE_CLEAR_CAP on
 * both sides, KEY_EXCHANGE_RSP carries no ResponderVerifyData, FINISH and FINISH_RSP go unsecured and
 * FINISH_RSP carries the ResponderVerifyData; a wrong FINISH opens no session. Each case negotiates a
 * connection of its own in one version.
 */
@Tag("area-spdm")
class HandshakeInTheClearTest {

    /** The FINISH a case sends: the right one, or one with a RequesterVerifyData byte flipped. */
    enum FinishSent {
        RIGHT("the right FINISH", Integer.MIN_VALUE),
        FIRST_BYTE_FLIPPED("FINISH with the first byte of RequesterVerifyData flipped", 0),
        LAST_BYTE_FLIPPED("FINISH with the last byte of RequesterVerifyData flipped", -1);

        private final String text;
        private final int flipped;

        FinishSent(String text, int flipped) {
            this.text = text;
            this.flipped = flipped;
        }

        ByteString verifyData(SpdmSession handshake) {
            byte[] data = handshake.requesterVerifyData().toByteArray();
            if (this != RIGHT) {
                data[flipped < 0 ? data.length + flipped : flipped] ^= 0x01;
            }
            return ByteString.of(data);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** One version and one FINISH. */
    record Case(SpdmVersion version, FinishSent finish) {
        @Override
        public String toString() {
            return version + ", " + finish;
        }
    }

    static Stream<Arguments> cases() {
        return DeviceCases.with(Stream.of(SpdmVersion.V1_1, SpdmVersion.V1_2, SpdmVersion.V1_3)
                .flatMap(version -> Stream.of(FinishSent.values()).map(finish -> new Case(version, finish)))
                .toList());
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    @Must("SPDM-23")
    void theHandshakeInTheClearOpensASessionOnlyWithTheRightFinish(DeviceSut sut, Case c) {
        Applicability.requireVersion(sut.versionOnly(), c.version());
        SpdmConnection connection = sut.freshConnection(config -> config.speaking(c.version())
                .flagging(CapabilityFlag.HANDSHAKE_IN_THE_CLEAR_CAP));
        Applicability.requireSpdmCapability(connection, Condition.ADVERTISES_HANDSHAKE_IN_THE_CLEAR,
                CapabilityFlag.HANDSHAKE_IN_THE_CLEAR_CAP);
        int version = connection.version().code();

        SessionResult<SpdmSession> exchanged = connection.keyExchange(0);
        assertThat("answer to KEY_EXCHANGE with HANDSHAKE_IN_THE_CLEAR_CAP on both sides", exchanged.isOk()
                ? "KEY_EXCHANGE_RSP, signed, without ResponderVerifyData" : exchanged.failure().orElseThrow()
                .toString()).satisfies(d -> exchanged.isOk(), "a KEY_EXCHANGE_RSP whose signature verifies and "
                + "that ends with it (no ResponderVerifyData)");
        SpdmSession handshake = exchanged.orElseThrow();

        if (c.finish() == FinishSent.RIGHT) {
            SessionResult<SpdmSession> finished = handshake.finish();
            assertThat(String.format("answer to the right FINISH in the clear for session 0x%08x",
                    handshake.sessionId()), finished.isOk() ? "FINISH_RSP in the clear, its ResponderVerifyData right"
                    : finished.failure().orElseThrow().toString()).satisfies(d -> finished.isOk(), "FINISH_RSP in "
                    + "the clear with the HMAC of the transcript up to its header as ResponderVerifyData");
            SessionResult<Optional<ByteString>> answer = handshake.exchange(tdispGetVersion(sut, version));
            assertThat(String.format("GET_TDISP_VERSION in session 0x%08x, after the handshake in the clear",
                    handshake.sessionId()), describe(answer)).satisfies(d -> served(answer), "the device's "
                    + "VENDOR_DEFINED_RESPONSE (the data keys come from the transcript with the FINISH_RSP sent)");
            handshake.end();
            return;
        }
        ByteString wrong = c.finish().verifyData(handshake);
        SessionResult<Optional<ByteString>> answer = handshake.finishWith(wrong);

        // decoded with the handshake's sizes, so that a FINISH_RSP wrongly given shows its fields, not bytes
        MessageSizes inTheClear = new MessageSizes(connection.suite().hash().size(), 0, 0, false, true);
        assertThat(String.format("answer to %s in the clear for session 0x%08x (RequesterVerifyData %s)",
                c.finish(), handshake.sessionId(), wrong.hex()), answer.isOk()
                ? new SpdmAnswer(answer.orElseThrow(), inTheClear).describe() : describe(answer))
                .is(SpdmAnswer.error(SpdmErrorCode.DECRYPT_ERROR, version));
        SessionResult<SpdmSession> retried = handshake.finish();
        assertThat(String.format("answer to the right FINISH for session 0x%08x after the wrong one",
                handshake.sessionId()), retried.isOk() ? "FINISH_RSP: the session opened"
                : "no session: " + retried.failure().orElseThrow())
                .satisfies(d -> !retried.isOk(), "no FINISH_RSP (the wrong FINISH ended the session)");
    }

}
