package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeError;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.api.wire.WireReader;

/**
 * Decodes one SPDM message of any code this kit knows. Strict ({@link ReservedPolicy#REJECT}: what
 * the kit reads from a device) or lenient ({@link ReservedPolicy#IGNORE}: what a responder accepts,
 * DSP0274 "reserved fields are ignored by the receiver"). The message must fill the bytes exactly,
 * except for up to {@code maxPadding} zero bytes after it (a DOE object pads to a DWORD).
 *
 * <p>Threading: stateless, safe to share.
 */
public final class SpdmCodec {

    private SpdmCodec() {
    }

    /** Decodes exactly one message, rejecting non-zero reserved fields. */
    public static DecodeResult<SpdmMessage> decode(ByteString bytes, MessageSizes sizes) {
        return decode(bytes, sizes, ReservedPolicy.REJECT, 0);
    }

    /** Decodes one message under {@code policy}, followed by up to {@code maxPadding} zero bytes. */
    public static DecodeResult<SpdmMessage> decode(ByteString bytes, MessageSizes sizes, ReservedPolicy policy,
                                                   int maxPadding) {
        WireReader in = WireReader.littleEndian(bytes, "SPDM message", policy);
        try {
            int version = in.u8("SPDMVersion");
            int rawCode = in.u8("RequestResponseCode");
            RequestResponseCode code = RequestResponseCode.fromCode(rawCode).orElseThrow(() -> in.failure(
                    "RequestResponseCode", 1, DecodeError.Reason.UNKNOWN_CODE,
                    String.format("0x%02X is not an SPDM code this kit knows", rawCode)));
            in.identify(code.name(), rawCode);
            Header header = new Header(version, code, in.u8("Param1"), in.u8("Param2"));
            SpdmMessage message = body(in, header, sizes, bytes.size());
            if (in.remaining() > maxPadding) {
                in.expectEnd();
            }
            in.reserved("padding", in.remaining());
            return DecodeResult.decoded(message);
        } catch (MalformedException e) {
            return DecodeResult.malformed(e.error());
        }
    }

    private static SpdmMessage body(WireReader in, Header header, MessageSizes sizes, int size)
            throws MalformedException {
        return switch (header.code()) {
            case GET_VERSION -> GetVersion.decode(in, header);
            case VERSION -> VersionResponse.decode(in, header);
            case GET_CAPABILITIES -> GetCapabilities.decode(in, header);
            case CAPABILITIES -> CapabilitiesResponse.decode(in, header);
            case NEGOTIATE_ALGORITHMS -> NegotiateAlgorithms.decode(in, header, size);
            case ALGORITHMS -> AlgorithmsResponse.decode(in, header, size);
            case GET_DIGESTS -> GetDigests.decode(in, header);
            case DIGESTS -> DigestsResponse.decode(in, header, sizes);
            case GET_CERTIFICATE -> GetCertificate.decode(in, header);
            case CERTIFICATE -> CertificateResponse.decode(in, header);
            case CHALLENGE -> Challenge.decode(in, header);
            case CHALLENGE_AUTH -> ChallengeAuth.decode(in, header, sizes);
            case KEY_EXCHANGE -> KeyExchange.decode(in, header, sizes);
            case KEY_EXCHANGE_RSP -> KeyExchangeRsp.decode(in, header, sizes);
            case FINISH -> Finish.decode(in, header, sizes);
            case FINISH_RSP -> FinishRsp.decode(in, header, sizes);
            case HEARTBEAT, HEARTBEAT_ACK, KEY_UPDATE, KEY_UPDATE_ACK, END_SESSION, END_SESSION_ACK ->
                    SessionControl.decode(in, header);
            case ERROR -> ErrorResponse.decode(in, header);
            case RESPOND_IF_READY -> RespondIfReady.decode(in, header);
            case VENDOR_DEFINED_REQUEST, VENDOR_DEFINED_RESPONSE -> VendorDefined.decode(in, header);
            case GET_MEASUREMENTS -> GetMeasurements.decode(in, header);
            case MEASUREMENTS -> MeasurementsResponse.decode(in, header, sizes);
            case PSK_EXCHANGE, PSK_EXCHANGE_RSP, PSK_FINISH, PSK_FINISH_RSP ->
                    throw in.failure("RequestResponseCode", 1, DecodeError.Reason.UNKNOWN_CODE,
                            header.code() + " is not implemented by this kit");
        };
    }
}
