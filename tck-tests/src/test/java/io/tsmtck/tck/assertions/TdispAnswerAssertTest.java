package io.tsmtck.tck.assertions;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsmtck.api.spdm.message.ErrorResponse;
import io.tsmtck.api.spdm.message.SpdmErrorCode;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.device.TdispAnswer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An SPDM ERROR InvalidRequest refuses a request too short for the TDISP header, and only such a one. */
class TdispAnswerAssertTest {

    private static TdispAnswer spdmError(int requestLength, SpdmErrorCode code) {
        ErrorResponse error = ErrorResponse.of(0x12, code, 0);
        return new TdispAnswer(ByteString.zeros(requestLength), Optional.of(error.encode()), Optional.of(error));
    }

    @Test
    void aHeaderlessRequestMayBeRefusedAtTheSpdmLayer() {
        assertThat(spdmError(15, SpdmErrorCode.INVALID_REQUEST)).isInvalidRequest();
    }

    @Test
    void aRequestWithItsHeaderIsOwedATdispError() {
        assertThatThrownBy(() -> assertThat(spdmError(17, SpdmErrorCode.INVALID_REQUEST)).isInvalidRequest())
                .isInstanceOf(AssertionError.class).hasMessageContaining("expected: TDISP_ERROR INVALID_REQUEST\n")
                .hasMessageContaining("SPDM ERROR INVALID_REQUEST (0x01)");
    }

    @Test
    void anotherSpdmErrorIsNoRefusalOfTheLength() {
        assertThatThrownBy(() -> assertThat(spdmError(15, SpdmErrorCode.UNEXPECTED_REQUEST)).isInvalidRequest())
                .isInstanceOf(AssertionError.class).hasMessageContaining("or, since the request is shorter than the"
                        + " TDISP header, SPDM ERROR INVALID_REQUEST");
    }
}
