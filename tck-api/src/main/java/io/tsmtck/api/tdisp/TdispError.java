package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.DecodeError;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.Objects;
import java.util.Optional;

/**
 * TDISP_ERROR (0x7F; PCIe Base 6.x 11.3.24, tables 11-26 and 11-27): ERROR_CODE u32, ERROR_DATA u32 (24 bytes),
 * plus extended vendor data for VENDOR_SPECIFIC_ERROR, whose ERROR_DATA is that data's length.
 *
 * @param header version and interface
 * @param code the error
 * @param errorData ERROR_DATA (for UNSUPPORTED_REQUEST the request code)
 * @param extended the extended data, present exactly for VENDOR_SPECIFIC_ERROR
 */
public record TdispError(TdispHeader header, TdispErrorCode code, long errorData, Optional<VendorPayload> extended)
        implements TdispMessage {

    public TdispError {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(code, "code");
        Fields.checkU32("errorData", errorData);
        boolean vendor = code == TdispErrorCode.VENDOR_SPECIFIC_ERROR;
        if (vendor != extended.isPresent()) {
            throw new IllegalArgumentException("extended data is present exactly for VENDOR_SPECIFIC_ERROR");
        }
        if (vendor && errorData != extended.get().length()) {
            throw new IllegalArgumentException("ERROR_DATA of VENDOR_SPECIFIC_ERROR is the extended data length "
                    + extended.get().length() + ", not " + errorData);
        }
    }

    /** An error with ERROR_DATA {@code errorData} and no extended data. */
    public static TdispError of(TdispHeader header, TdispErrorCode code, long errorData) {
        return new TdispError(header, code, errorData, Optional.empty());
    }

    /** VENDOR_SPECIFIC_ERROR carrying {@code payload}. */
    public static TdispError vendorSpecific(TdispHeader header, VendorPayload payload) {
        return new TdispError(header, TdispErrorCode.VENDOR_SPECIFIC_ERROR, payload.length(), Optional.of(payload));
    }

    @Override
    public MessageType type() {
        return MessageType.TDISP_ERROR;
    }

    /** "TDISP_ERROR INVALID_REQUEST (0x0001), ERROR_DATA 0x0, TDISPVersion 0x10, INTERFACE_ID 00:00.0". */
    @Override
    public String toString() {
        return String.format("TDISP_ERROR %s (0x%04X), ERROR_DATA 0x%X, TDISPVersion 0x%02X, INTERFACE_ID %s%s", code,
                code.code(), errorData, header.version(), header.interfaceId(),
                extended.map(payload -> ", extended " + payload).orElse(""));
    }

    @Override
    public void encodeBody(WireWriter out) {
        out.u32(code.code()).u32(errorData);
        extended.ifPresent(payload -> payload.write(out));
    }

    static TdispError read(MessageType type, TdispHeader header, WireReader in) throws MalformedException {
        int offset = in.position();
        long raw = in.u32("ERROR_CODE");
        TdispErrorCode code = TdispErrorCode.fromCode(raw).orElseThrow(() -> in.failure("ERROR_CODE", offset,
                DecodeError.Reason.UNKNOWN_CODE, String.format("0x%04X is not a TDISP error code", raw)));
        int dataOffset = in.position();
        long data = in.u32("ERROR_DATA");
        if (code.errorDataReserved()) {
            in.reservedBits("ERROR_DATA", data, 0xFFFF_FFFFL, dataOffset);
        }
        if (code != TdispErrorCode.VENDOR_SPECIFIC_ERROR) {
            return of(header, code, data);
        }
        if (data > in.remaining()) {
            throw in.failure("EXTENDED_ERROR_DATA", in.position(), DecodeError.Reason.TRUNCATED,
                    "ERROR_DATA announces " + data + " bytes, " + in.remaining() + " left");
        }
        return vendorSpecific(header, VendorPayload.read(in, (int) data));
    }
}
