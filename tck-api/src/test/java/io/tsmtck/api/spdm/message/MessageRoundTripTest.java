package io.tsmtck.api.spdm.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeError;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.ReservedPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the recorded run does not show: every ERROR code, ResponseNotReady's extended data, the SPDM
 * 1.4 large VENDOR_DEFINED form, and the decoders' refusals (unknown codes, truncation, reserved
 * fields, stray bytes).
 */
class MessageRoundTripTest {

    @ParameterizedTest
    @EnumSource(SpdmErrorCode.class)
    void everyErrorCodeRoundTrips(SpdmErrorCode code) {
        ErrorResponse error = code == SpdmErrorCode.RESPONSE_NOT_READY
                ? ErrorResponse.responseNotReady(0x12, 3, 0xE4, 7, 2) : ErrorResponse.of(0x12, code, 0x5A);
        SpdmMessage decoded = SpdmCodec.decode(error.encode(), MessageSizes.none()).orElseThrow();
        assertThat(decoded).isEqualTo(error);
        assertThat(((ErrorResponse) decoded).known()).contains(code);
        assertThat(decoded.toString()).contains(code.name());
    }

    @Test
    void responseNotReadyCarriesExactlyFourExtendedBytes() {
        ByteString notReady = ErrorResponse.responseNotReady(0x12, 3, 0xE4, 7, 2).encode();
        assertThat(notReady).isEqualTo(ByteString.ofHex("127f4200 03e40702"));
        ByteString cut = ByteString.copyOf(notReady.toByteArray(), 0, notReady.size() - 1);
        assertThat(SpdmCodec.decode(cut, MessageSizes.none()).isDecoded()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 0xFFFF, 0x10000, 0x12345})
    void theLargeVendorDefinedFormCarriesAnyLength(int length) {
        VendorDefined large = new VendorDefined(0x14, true, true, 3, ByteString.ofHex("0100"), ByteString.zeros(length));
        ByteString bytes = large.encode();
        assertThat(bytes.get(2)).as("Param1 LargeReq").isEqualTo(VendorDefined.LARGE);
        assertThat(bytes.size()).isEqualTo(4 + 2 + 1 + 2 + 2 + 4 + length);
        assertThat(SpdmCodec.decode(bytes, MessageSizes.none()).orElseThrow()).isEqualTo(large);
    }

    @Test
    void theLargeFormNeedsSpdm14AndLargeReqBeforeItIsReserved() {
        assertThatThrownBy(() -> new VendorDefined(0x13, true, true, 3, ByteString.EMPTY, ByteString.EMPTY))
                .isInstanceOf(IllegalArgumentException.class);
        ByteString largeBitIn13 = ByteString.ofHex("13fe8000 0300 02 0100 0000");
        DecodeResult<SpdmMessage> strict = SpdmCodec.decode(largeBitIn13, MessageSizes.none());
        assertThat(strict.failure().orElseThrow().reason())
                .isEqualTo(DecodeError.Reason.RESERVED_NOT_ZERO);
        VendorDefined lenient = (VendorDefined) SpdmCodec.decode(largeBitIn13, MessageSizes.none(),
                ReservedPolicy.IGNORE, 0).orElseThrow();
        assertThat(lenient.large()).isFalse();
    }

    @Test
    void aLargeLengthPastTheEndIsTruncated() {
        ByteString bytes = ByteString.ofHex("14fe8000 0300 02 0100 0000 05000000 0102");
        DecodeResult<SpdmMessage> decoded = SpdmCodec.decode(bytes, MessageSizes.none());
        assertThat(decoded.failure().orElseThrow().reason())
                .isEqualTo(DecodeError.Reason.TRUNCATED);
    }

    @Test
    void anUnknownCodeNamesItself() {
        DecodeResult<SpdmMessage> decoded = SpdmCodec.decode(ByteString.ofHex("12 80 00 00"), MessageSizes.none());
        DecodeError error = decoded.failure().orElseThrow();
        assertThat(error.reason()).isEqualTo(DecodeError.Reason.UNKNOWN_CODE);
        assertThat(error.offset()).isEqualTo(1);
        assertThat(error.detail()).contains("0x80");
    }

    @Test
    void strayBytesAfterAMessageAreRefusedUnlessTheyAreDoePadding() {
        ByteString padded = ByteString.ofHex("12 81 00 00 00 00 00");
        assertThat(SpdmCodec.decode(padded, MessageSizes.none()).isDecoded()).isFalse();
        assertThat(SpdmCodec.decode(padded, MessageSizes.none(), ReservedPolicy.REJECT, 3).isDecoded()).isTrue();
        ByteString nonZero = ByteString.ofHex("12 81 00 00 00 01 00");
        assertThat(SpdmCodec.decode(nonZero, MessageSizes.none(), ReservedPolicy.REJECT, 3).isDecoded()).isFalse();
        ByteString tooMuch = ByteString.ofHex("12 81 00 00 00 00 00 00");
        assertThat(SpdmCodec.decode(tooMuch, MessageSizes.none(), ReservedPolicy.REJECT, 3).isDecoded()).isFalse();
    }

    @Test
    void sizeDependentMessagesNeedTheNegotiatedSizes() {
        ByteString finish = ByteString.ofHex("12e50000" + "00".repeat(32));
        assertThat(SpdmCodec.decode(finish, MessageSizes.none()).isDecoded()).isFalse();
        assertThat(SpdmCodec.decode(finish, new MessageSizes(32, 64, 64, false, false)).isDecoded()).isTrue();
    }

    @Test
    void messagesPrintTheirNumbersAndBytesInHex() {
        assertThat(new GetCertificate(0x12, 0, 0, 0x10, 0x400)).hasToString(
                "GetCertificate[version=0x12, slot=0x0, param2=0x0, offset=0x10, length=0x400]");
        assertThat(new VendorDefined(0x12, true, false, 3, ByteString.ofHex("0100"), ByteString.ofHex("10850000"))
                .toString()).contains("standardId=0x3", "vendorId=0100", "payload=10850000");
        assertThat(new FinishRsp(0x12, ByteString.EMPTY)).hasToString("FinishRsp[version=0x12, verifyData=(none)]");
    }

    @Test
    void keyUpdateOperationsOutsideOneToThreeAreRefused() {
        for (int operation : new int[] {0, 4, 0xFF}) {
            ByteString bytes = ByteString.of((byte) 0x12, (byte) 0xE9, (byte) operation, (byte) 0x01);
            assertThat(SpdmCodec.decode(bytes, MessageSizes.none()).isDecoded()).as("operation %d", operation)
                    .isFalse();
        }
    }
}
