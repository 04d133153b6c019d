package io.tsmtck.tck.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.idekm.KeySubStream;
import io.tsmtck.api.idekm.KpAck;
import io.tsmtck.api.idekm.KpAckStatus;
import io.tsmtck.api.spdm.message.ErrorResponse;
import io.tsmtck.api.wire.ByteString;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Failure messages name the device's answer decoded: never an Optional, never "no answer" for an answer. */
class DeviceReplyTest {

    private static final ByteString REQUEST = ByteString.ofHex("02000001000000");
    private static final KeySubStream LANE = new KeySubStream(KeySubStream.KeySet.K0, KeySubStream.Direction.RX,
            KeySubStream.SubStream.PR);

    @Test
    void aWellFormedKpAckIsNamedWithItsFields() {
        ByteString ack = new KpAck(1, KpAckStatus.SUCCESS, LANE, 0).encode();

        IdeKmAnswer answer = new IdeKmAnswer(REQUEST, Optional.of(ack), Optional.empty());

        assertThat(answer.toString()).isEqualTo(IdeKmAnswer.answering(new KpAck(1, KpAckStatus.SUCCESS, LANE, 0)))
                .startsWith("the device's KpAck[").contains("SUCCESS").doesNotContain("Optional");
    }

    @Test
    void aKpAckThatDoesNotDecodeIsShownWithWhyAndItsBytesNotAsNoAnswer() {
        ByteString ack = ByteString.ofHex("03000001003000");

        IdeKmAnswer answer = new IdeKmAnswer(REQUEST, Optional.of(ack), Optional.empty());

        assertThat(answer.message()).isEmpty();
        assertThat(answer.toString()).startsWith("the device's IDE_KM answer 03000001003000, which does not decode (")
                .contains("KeySubStream").doesNotContain("no answer");
    }

    @Test
    void anSpdmErrorIsNamedByItsCodeAndAsTheDevices() {
        ByteString error = ErrorResponse.of(0x12, io.tsmtck.api.spdm.message.SpdmErrorCode.INVALID_REQUEST, 0)
                .encode();

        TdispAnswer answer = new TdispAnswer(REQUEST, Optional.of(error), DeviceReply.spdmError(error));

        assertThat(answer.message()).isEmpty();
        assertThat(answer.toString()).isEqualTo("the device's SPDM ERROR INVALID_REQUEST (0x01), error data 0x00,"
                + " instead of a TDISP answer");
    }

    @Test
    void nothingBackIsNoAnswer() {
        assertThat(new IdeKmAnswer(REQUEST, Optional.empty(), Optional.empty()).toString())
                .isEqualTo(IdeKmAnswer.NO_ANSWER).isEqualTo("no answer (the device sent nothing back)");
    }
}
