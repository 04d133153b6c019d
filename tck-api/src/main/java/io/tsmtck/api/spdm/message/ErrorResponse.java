package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import java.util.Optional;

/**
 * ERROR: Param1 the error code, Param2 the error data, then the extended error data (for
 * ResponseNotReady: RDTExponent u8, RequestCode u8, Token u8, RDTM u8).
 *
 * @param version SPDMVersion
 * @param errorCode the raw error code
 * @param errorData Param2
 * @param extended the extended error data
 */
public record ErrorResponse(int version, int errorCode, int errorData, ByteString extended) implements SpdmMessage {

    /** An ERROR without extended data. */
    public static ErrorResponse of(int version, SpdmErrorCode code, int errorData) {
        return new ErrorResponse(version, code.code(), errorData, ByteString.EMPTY);
    }

    /** ResponseNotReady for {@code requestCode}, to be retrieved with RESPOND_IF_READY and {@code token}. */
    public static ErrorResponse responseNotReady(int version, int rdtExponent, int requestCode, int token, int rdtm) {
        return new ErrorResponse(version, SpdmErrorCode.RESPONSE_NOT_READY.code(), 0,
                ByteString.of((byte) rdtExponent, (byte) requestCode, (byte) token, (byte) rdtm));
    }

    /** The error code, if this kit knows it. */
    public Optional<SpdmErrorCode> known() {
        return SpdmErrorCode.fromCode(errorCode);
    }

    @Override
    public RequestResponseCode code() {
        return RequestResponseCode.ERROR;
    }

    @Override
    public ByteString encode() {
        return new Header(version, code(), errorCode, errorData).writer().bytes(extended).toByteString();
    }

    static ErrorResponse decode(WireReader in, Header header) throws MalformedException {
        ByteString extended = header.param1() == SpdmErrorCode.RESPONSE_NOT_READY.code()
                ? in.bytes("ExtendedErrorData", 4) : in.rest("ExtendedErrorData");
        return new ErrorResponse(header.version(), header.param1(), header.param2(), extended);
    }

    @Override
    public String toString() {
        return String.format("ERROR(version 0x%02X, %s 0x%02X, data 0x%02X, extended %s)", version,
                known().map(Enum::name).orElse("unknown code"), errorCode, errorData, extended.hex());
    }
}
