package io.tsmtck.api.tdisp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeError;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.ReservedPolicy;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed TDISP messages give a decode error naming the message, the field and the reason. */
class TdispDecodeErrorsTest {

    private static final String BEEF_HEADER_TAIL = "00 00 ef be 00 00 00 00 00 00 00 00 00 00";

    private static DecodeError errorOf(String hex, ReservedPolicy policy) {
        DecodeResult<TdispMessage> result = TdispCodec.decode(ByteString.ofHex(hex), policy);
        assertThat(result).as("decoding %s", hex).isInstanceOf(DecodeResult.Malformed.class);
        return result.failure().orElseThrow();
    }

    @Test
    void anUnknownMessageTypeIsAnUnknownCodeCarryingTheCode() {
        DecodeError error = errorOf("10 8c " + BEEF_HEADER_TAIL, ReservedPolicy.IGNORE);

        assertThat(error.reason()).isEqualTo(DecodeError.Reason.UNKNOWN_CODE);
        assertThat(error.field()).isEqualTo("MessageType");
        assertThat(error.messageCode()).isEqualTo(OptionalInt.of(0x8C));
    }

    @Test
    void anUnknownErrorCodeIsAnUnknownCode() {
        DecodeError error = errorOf("10 7f " + BEEF_HEADER_TAIL + " 02 00 00 00 00 00 00 00", ReservedPolicy.REJECT);

        assertThat(error.reason()).isEqualTo(DecodeError.Reason.UNKNOWN_CODE);
        assertThat(error.field()).isEqualTo("ERROR_CODE");
        assertThat(error.offset()).isEqualTo(16);
    }

    @Test
    void dsmCapsIsReservedInEveryBit() {
        for (int bit = 0; bit < 32; bit++) {
            byte[] caps = ByteString.ofHex(capabilitiesWith(16, 0)).toByteArray();
            caps[16 + bit / 8] = (byte) (1 << bit % 8);
            DecodeError error = errorOf(ByteString.of(caps).hex(), ReservedPolicy.REJECT);

            assertThat(error.field()).as("DSM_CAPS bit %d set", bit).isEqualTo("DSM_CAPS");
            assertThat(error.reason()).isEqualTo(DecodeError.Reason.RESERVED_NOT_ZERO);
        }
    }

    @Test
    void errorDataIsReservedButForUnsupportedRequestAndVendorErrors() {
        for (TdispErrorCode code : TdispErrorCode.values()) {
            String hex = String.format("10 7f %s %02x %02x 00 00 01 00 00 00", BEEF_HEADER_TAIL, code.code() & 0xFF,
                    code.code() >> 8);
            if (code == TdispErrorCode.VENDOR_SPECIFIC_ERROR) {
                continue; // its ERROR_DATA is the extended data's length, checked against the bytes that follow
            }
            DecodeResult<TdispMessage> strict = TdispCodec.decode(ByteString.ofHex(hex), ReservedPolicy.REJECT);
            DecodeResult<TdispMessage> lenient = TdispCodec.decode(ByteString.ofHex(hex), ReservedPolicy.IGNORE);

            assertThat(strict.isDecoded()).as("ERROR_DATA 1 with %s under REJECT", code)
                    .isEqualTo(!code.errorDataReserved());
            assertThat(code.errorDataReserved()).as("%s", code).isEqualTo(code != TdispErrorCode.UNSUPPORTED_REQUEST);
            assertThat(((TdispError) lenient.orElseThrow()).errorData()).as("ERROR_DATA kept under IGNORE, %s", code)
                    .isEqualTo(1);
            if (!strict.isDecoded()) {
                DecodeError error = strict.failure().orElseThrow();
                assertThat(error.field()).isEqualTo("ERROR_DATA");
                assertThat(error.offset()).isEqualTo(20);
                assertThat(error.reason()).isEqualTo(DecodeError.Reason.RESERVED_NOT_ZERO);
            }
        }
    }

    @Test
    void aTdiStateAboveErrorIsAnInvalidValue() {
        DecodeError error = errorOf("10 05 " + BEEF_HEADER_TAIL + " 04", ReservedPolicy.REJECT);

        assertThat(error.reason()).isEqualTo(DecodeError.Reason.INVALID_VALUE);
        assertThat(error.field()).isEqualTo("TDI_STATE");
        assertThat(error.message()).isEqualTo("DEVICE_INTERFACE_STATE");
    }

    /** spdm-emu's TDISP_CAPABILITIES (REQ_MSGS byte 0 = 0xFE, LOCK flags 0x0001) with {@code value} at {@code at}. */
    private static String capabilitiesWith(int at, int value) {
        byte[] caps = ByteString.ofHex("10 02 " + BEEF_HEADER_TAIL + " 00 00 00 00 fe 00 00 00 00 00 00 00 00 00 00 00"
                + " 00 00 00 00 01 00 00 00 00 34 01 01").toByteArray();
        caps[at] = (byte) value;
        return ByteString.of(caps).hex();
    }

    @ParameterizedTest(name = "byte {0} = 0x{1}: {2}")
    @CsvSource({"20, FF, REQ_MSGS_SUPPORTED bytes 0-1", "21, 10, REQ_MSGS_SUPPORTED bytes 0-1",
            "27, 01, REQ_MSGS_SUPPORTED bytes 2-9", "35, 80, REQ_MSGS_SUPPORTED bytes 10-15",
            "36, 21, LOCK_INTERFACE_FLAGS_SUPPORTED", "37, 80, LOCK_INTERFACE_FLAGS_SUPPORTED"})
    void capabilityBitsThatNameNothingAreReservedAndDroppedWhenIgnored(int at, String hex, String field) {
        String caps = capabilitiesWith(at, Integer.parseInt(hex, 16));

        DecodeError error = errorOf(caps, ReservedPolicy.REJECT);
        TdispCapabilitiesResponse ignored = (TdispCapabilitiesResponse) TdispCodec.decode(ByteString.ofHex(caps),
                ReservedPolicy.IGNORE).asOptional().orElseThrow();

        assertThat(error.reason()).isEqualTo(DecodeError.Reason.RESERVED_NOT_ZERO);
        assertThat(error.field()).isEqualTo(field);
        assertThat(ignored.encode().hex()).as("re-encoded after IGNORE").isEqualTo(capabilitiesWith(at,
                at == 20 ? 0xFE : at == 36 ? 0x01 : 0));
    }

    @Test
    void aVersionResponseWithoutVersionsIsAnInvalidValue() {
        DecodeError error = errorOf("10 01 " + BEEF_HEADER_TAIL + " 00", ReservedPolicy.REJECT);

        assertThat(error.field()).isEqualTo("VERSION_NUM_COUNT");
        assertThat(error.reason()).isEqualTo(DecodeError.Reason.INVALID_VALUE);
    }

    @Test
    void aVendorErrorAnnouncingMoreDataThanFollowsIsTruncated() {
        DecodeError error = errorOf("10 7f " + BEEF_HEADER_TAIL + " ff 00 00 00 09 00 00 00 00 00",
                ReservedPolicy.REJECT);

        assertThat(error.reason()).isEqualTo(DecodeError.Reason.TRUNCATED);
        assertThat(error.field()).isEqualTo("EXTENDED_ERROR_DATA");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "header reserved u16, 10 85 01 00 ef be 00 00 00 00 00 00 00 00 00 00, reserved (offset 2)",
        "FUNCTION_ID bits 31:25, 10 85 00 00 ef be 00 02 00 00 00 00 00 00 00 00, INTERFACE_ID.FUNCTION_ID",
        "segment without segment-valid, 10 85 00 00 ef be 07 00 00 00 00 00 00 00 00 00, "
                + "INTERFACE_ID.FUNCTION_ID segment (segment-valid is 0)",
        "INTERFACE_ID reserved u64, 10 85 00 00 ef be 00 00 00 00 00 00 00 80 00 00, INTERFACE_ID reserved",
        "LOCK FLAGS bits 15:5, 10 83 " + BEEF_HEADER_TAIL
                + " 20 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00, FLAGS",
        "LOCK reserved byte 19, 10 83 " + BEEF_HEADER_TAIL
                + " 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00, reserved (offset 19)",
    })
    void aReservedFieldThatIsNotZeroIsRejectedByTheStrictDecoder(String name, String hex, String field) {
        DecodeError error = errorOf(hex, ReservedPolicy.REJECT);

        assertThat(error.reason()).isEqualTo(DecodeError.Reason.RESERVED_NOT_ZERO);
        assertThat(error.field()).isEqualTo(field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "header reserved u16, 10 85 01 00 ef be 00 00 00 00 00 00 00 00 00 00",
        "FUNCTION_ID bits 31:25, 10 85 00 00 ef be 00 02 00 00 00 00 00 00 00 00",
        "segment without segment-valid, 10 85 00 00 ef be 07 00 00 00 00 00 00 00 00 00",
        "INTERFACE_ID reserved u64, 10 85 00 00 ef be 00 00 00 00 00 00 00 80 00 00",
    })
    void aReceiverIgnoresReservedFieldsAsTheSpecRequires(String name, String hex) {
        DecodeResult<TdispMessage> result = TdispCodec.decode(ByteString.ofHex(hex), ReservedPolicy.IGNORE);

        assertThat(result).isEqualTo(DecodeResult.decoded(
                HeaderOnlyMessage.getState(TdispHeader.v10(InterfaceId.of(0xBEEF)))));
    }

    @Test
    void theErrorTextNamesMessageFieldOffsetAndReason() {
        DecodeError error = errorOf("10 84 " + BEEF_HEADER_TAIL + " 00 00 40", ReservedPolicy.REJECT);

        assertThat(error.toString())
                .contains("GET_DEVICE_INTERFACE_REPORT", "0x84", "LENGTH", "offset 18", "TRUNCATED");
    }

    @Test
    void aReportWithMoreRangesThanBytesIsTruncatedAtTheRangeCount() {
        ByteString report = ByteString.ofHex("00 00 00 00 00 00 00 00 00 00 00 00 05 00 00 00 00 00 00 00");

        DecodeResult<InterfaceReport> result = InterfaceReport.decode(report, ReservedPolicy.REJECT);

        assertThat(result).isInstanceOf(DecodeResult.Malformed.class);
        DecodeError error = result.failure().orElseThrow();
        assertThat(error.field()).isEqualTo("MMIO_RANGE_COUNT");
        assertThat(error.reason()).isEqualTo(DecodeError.Reason.TRUNCATED);
    }

    @Test
    void aReportRangeWithReservedAttributeBitsIsRejectedByTheStrictDecoder() {
        InterfaceReport report = new InterfaceReport(0, 0, 0, 0,
                List.of(new MmioRange(0x1000, 1, 0, 0)), ByteString.EMPTY);
        byte[] bytes = report.encode().toByteArray();
        bytes[16 + 12 + 1] = 0x01; // ATTR bit 8

        DecodeResult<InterfaceReport> result = InterfaceReport.decode(ByteString.of(bytes), ReservedPolicy.REJECT);

        assertThat(result).isInstanceOf(DecodeResult.Malformed.class);
        assertThat(result.failure().orElseThrow().field()).isEqualTo("MMIO_RANGE[0].ATTR");
    }
}
