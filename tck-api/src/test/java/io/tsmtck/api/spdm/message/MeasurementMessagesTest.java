package io.tsmtck.api.spdm.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsmtck.api.wire.ByteString;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GET_MEASUREMENTS and MEASUREMENTS in every version's layout, signed and not, and measurement
 * records cut or padded at every byte.
 */
class MeasurementMessagesTest {

    private static final MessageSizes P384 = new MessageSizes(48, 96, 96, false, false);
    private static final ByteString NONCE = ByteString.ofHex("00".repeat(31) + "5a");

    private static ByteString context(int version) {
        return version >= 0x13 ? ByteString.ofHex("0102030405060708") : ByteString.EMPTY;
    }

    @ParameterizedTest
    @ValueSource(ints = {0x10, 0x11, 0x12, 0x13})
    void requestsRoundTripSignedAndNot(int version) {
        GetMeasurements signed = GetMeasurements.signed(version, 0xFF, NONCE, 0, context(version));
        GetMeasurements unsigned = GetMeasurements.unsigned(version, 3, context(version));
        for (GetMeasurements request : List.of(signed, unsigned)) {
            assertThat(SpdmCodec.decode(request.encode(), MessageSizes.none()).orElseThrow()).isEqualTo(request);
        }
        int slotByte = version >= 0x11 ? 1 : 0;
        assertThat(signed.encode().size()).isEqualTo(4 + 32 + slotByte + context(version).size());
        assertThat(unsigned.encode().size()).isEqualTo(4 + context(version).size());
    }

    @ParameterizedTest
    @ValueSource(ints = {0x11, 0x12, 0x13})
    void aSignedResponseEndsWithItsSignatureAndDecodesOnlyWhenOneWasAskedFor(int version) {
        ByteString record = MeasurementBlock.record(List.of(
                MeasurementBlock.dmtf(1, 0x00, ByteString.zeros(48)),
                MeasurementBlock.dmtf(2, MeasurementBlock.RAW_BIT_STREAM | 6, ByteString.ofHex("312e30"))));
        MeasurementsResponse response = new MeasurementsResponse(version, 0, 0x20, 2, record, NONCE,
                ByteString.ofHex("aabb"), context(version), ByteString.zeros(96));
        ByteString bytes = response.encode();
        assertThat(SpdmCodec.decode(bytes, P384.withSignedMeasurements(true)).orElseThrow()).isEqualTo(response);
        assertThat(SpdmCodec.decode(bytes, P384).isDecoded()).as("a signature not asked for is stray bytes").isFalse();
        assertThat(response.beforeSignature().size()).isEqualTo(bytes.size() - 96);
        assertThat(response.contentChanged()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x12})
    void theRecordLengthIsTwentyFourBitsLittleEndian(int version) {
        ByteString record = ByteString.zeros(0x10203);
        ByteString bytes = new MeasurementsResponse(version, 0, 0, 0, record, NONCE, ByteString.EMPTY,
                ByteString.EMPTY, ByteString.EMPTY).encode();
        assertThat(bytes.get(5)).isEqualTo(0x03);
        assertThat(bytes.get(6)).isEqualTo(0x02);
        assertThat(bytes.get(7)).isEqualTo(0x01);
    }

    @org.junit.jupiter.api.Test
    void aRecordMustBeFilledExactlyByItsBlocks() {
        ByteString record = MeasurementBlock.record(List.of(
                MeasurementBlock.dmtf(1, 0x01, ByteString.ofHex("00112233")),
                MeasurementBlock.dmtf(0x10, 0x86, ByteString.ofHex("76312e32"))));
        assertThat(MeasurementBlock.parse(record).orElseThrow()).hasSize(2)
                .extracting(MeasurementBlock::index).containsExactly(1, 0x10);
        for (int cut = 1; cut < record.size(); cut++) {
            ByteString shorter = ByteString.copyOf(record.toByteArray(), 0, cut);
            boolean boundary = cut == 11;
            assertThat(MeasurementBlock.parse(shorter).isDecoded()).as("cut at %d", cut).isEqualTo(boundary);
        }
    }

    @org.junit.jupiter.api.Test
    void aDmtfValueSizeThatDoesNotFillItsBlockIsRejected() {
        ByteString block = ByteString.ofHex("01 01 0700 01 0300 aabbcc 00");
        assertThat(MeasurementBlock.parse(block).failure().orElseThrow().toString())
                .contains("DMTFSpecMeasurementValueSize");
        assertThat(MeasurementBlock.parse(ByteString.ofHex("01 01 0600 01 0300 aabbcc")).orElseThrow().get(0)
                .dmtfValue()).isEqualTo(ByteString.ofHex("aabbcc"));
    }

    @org.junit.jupiter.api.Test
    void aNonceOfAnotherSizeIsRefused() {
        assertThatThrownBy(() -> new GetMeasurements(0x12, 1, 0xFF, ByteString.zeros(31), 0, ByteString.EMPTY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GetMeasurements(0x12, 0, 0xFF, ByteString.EMPTY, 0, ByteString.EMPTY))
                .hasMessageContaining("SlotIDParam");
    }
}
