package io.tsmtck.api.spdm;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeError;
import io.tsmtck.api.wire.DecodeResult;
import org.junit.jupiter.api.Test;

/** Malformed SPDM carriers give typed errors. */
class CarrierDecodeErrorsTest {

    private static <T> DecodeError errorOf(DecodeResult<T> result) {
        assertThat(result).isInstanceOf(DecodeResult.Malformed.class);
        return result.failure().orElseThrow();
    }

    @Test
    void aVendorDefinedMessageOfAnotherStandardIsRefused() {
        DecodeError error = errorOf(VendorDefinedMessage.decode(ByteString.ofHex("12 fe 00 00 04 00 02 01 00 01 00 01")));

        assertThat(error.field()).isEqualTo("StandardID");
        assertThat(error.reason()).isEqualTo(DecodeError.Reason.INVALID_VALUE);
    }

    @Test
    void anUnknownProtocolIdIsAnUnknownCode() {
        DecodeError error = errorOf(VendorDefinedMessage.decode(ByteString.ofHex("12 fe 00 00 03 00 02 01 00 01 00 02")));

        assertThat(error.field()).isEqualTo("ProtocolID");
        assertThat(error.reason()).isEqualTo(DecodeError.Reason.UNKNOWN_CODE);
    }

    @Test
    void paddingBeyondADwordIsOversizedAndNonZeroPaddingIsRejected() {
        ByteString message = ByteString.ofHex("12 fe 00 00 03 00 02 01 00 01 00 01");

        assertThat(errorOf(VendorDefinedMessage.decode(ByteString.ofHex(message.hex() + "00000000"), 3)).reason())
                .isEqualTo(DecodeError.Reason.OVERSIZED);
        assertThat(errorOf(VendorDefinedMessage.decode(ByteString.ofHex(message.hex() + "0001"), 3)).reason())
                .isEqualTo(DecodeError.Reason.RESERVED_NOT_ZERO);
        assertThat(VendorDefinedMessage.decode(ByteString.ofHex(message.hex() + "000000"), 3).isDecoded()).isTrue();
    }

    @Test
    void aDoeObjectWhoseLengthDisagreesWithItsBytesIsRefused() {
        DecodeError error = errorOf(DoeObject.decode(ByteString.ofHex("01000100 04000000 00000000")));

        assertThat(error.field()).isEqualTo("Length");
        assertThat(error.reason()).isEqualTo(DecodeError.Reason.TRUNCATED);
    }

    @Test
    void aSocketFrameAnnouncingMoreThanFollowsIsTruncated() {
        DecodeError error = errorOf(SocketFrame.decode(ByteString.ofHex("00000001 00000002 00000010 0102")));

        assertThat(error.field()).isEqualTo("size");
        assertThat(error.reason()).isEqualTo(DecodeError.Reason.TRUNCATED);
    }

    @Test
    void anUnknownSocketCommandIsAnUnknownCode() {
        DecodeError error = errorOf(SocketFrame.decode(ByteString.ofHex("00000007 00000002 00000000")));

        assertThat(error.field()).isEqualTo("command");
        assertThat(error.reason()).isEqualTo(DecodeError.Reason.UNKNOWN_CODE);
    }
}
