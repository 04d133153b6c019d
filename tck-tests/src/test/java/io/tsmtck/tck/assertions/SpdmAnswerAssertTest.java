package io.tsmtck.tck.assertions;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.SpdmErrorCode;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.device.SpdmAnswer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ERROR a rule expects, each way of missing it told apart: none, a response, another code, another version. */
class SpdmAnswerAssertTest {

    private static SpdmAnswer answer(String hex) {
        return new SpdmAnswer(Optional.of(ByteString.ofHex(hex)), MessageSizes.none());
    }

    @Test
    void theExpectedErrorPasses() {
        assertThat(answer("12 7f 41 00")).isSpdmError(SpdmErrorCode.VERSION_MISMATCH, 0x12);
    }

    @Test
    void eachWayOfMissingTheErrorHasItsOwnWords() {
        assertThatThrownBy(() -> assertThat(new SpdmAnswer(Optional.empty(), MessageSizes.none()))
                .as("answer to GET_CAPABILITIES in 0x11").isSpdmError(SpdmErrorCode.VERSION_MISMATCH, 0x12))
                .isInstanceOf(AssertionError.class).hasMessageContaining("subject:  answer to GET_CAPABILITIES in 0x11")
                .hasMessageContaining("expected: the device's SPDM ERROR VERSION_MISMATCH (0x41) in SPDMVersion 0x12")
                .hasMessageContaining("actual:   no answer: the device dropped a request it must answer");
        assertThatThrownBy(() -> assertThat(answer("12 7f 01 00")).isSpdmError(SpdmErrorCode.VERSION_MISMATCH, 0x12))
                .hasMessageContaining("actual:   the device's SPDM ERROR INVALID_REQUEST (0x01) in SPDMVersion 0x12:"
                        + " another error code");
        assertThatThrownBy(() -> assertThat(answer("11 7f 41 00")).isSpdmError(SpdmErrorCode.VERSION_MISMATCH, 0x12))
                .hasMessageContaining("in SPDMVersion 0x11: the right code in another SPDMVersion");
        assertThatThrownBy(() -> assertThat(answer("12 04 00 00 00 01 00 12")).isSpdmError(SpdmErrorCode
                .VERSION_MISMATCH, 0x12)).hasMessageContaining("a response where an ERROR was due");
        assertThatThrownBy(() -> assertThat(answer("12")).isSpdmError(SpdmErrorCode.VERSION_MISMATCH, 0x12))
                .hasMessageContaining("which does not decode");
    }
}
