package io.tsmtck.api.spdm;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeError;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.Objects;

/**
 * An SPDM VENDOR_DEFINED_REQUEST (0xFE) or VENDOR_DEFINED_RESPONSE (0x7E) carrying a PCI-SIG
 * protocol (DSP0274 VENDOR_DEFINED; PCIe Base 6.x 11.2.2): SPDMVersion, code, Param1, Param2,
 * StandardID u16 = 0x0003 (PCI-SIG), Len u8 = 2, VendorID u16 = 0x0001, ReqLength/RespLength u16,
 * then the payload: the protocol id byte and the TDISP message or IDE_KM object.
 *
 * @param spdmVersion the SPDMVersion byte (0x12 for SPDM 1.2)
 * @param request true for VENDOR_DEFINED_REQUEST
 * @param param1 Param1
 * @param param2 Param2
 * @param protocol the PCI-SIG protocol
 * @param body the TDISP message or IDE_KM object, without the protocol id
 */
public record VendorDefinedMessage(int spdmVersion, boolean request, int param1, int param2, ProtocolId protocol,
                                   ByteString body) {

    /** SPDM VENDOR_DEFINED_REQUEST. */
    public static final int REQUEST_CODE = 0xFE;
    /** SPDM VENDOR_DEFINED_RESPONSE. */
    public static final int RESPONSE_CODE = 0x7E;
    /** SPDM 1.2. */
    public static final int SPDM_1_2 = 0x12;
    /** StandardID of PCI-SIG. */
    public static final int STANDARD_ID_PCI_SIG = 0x0003;
    /** PCI-SIG's vendor id. */
    public static final int VENDOR_ID_PCI_SIG = 0x0001;

    private static final int HEADER_LENGTH = 11;

    public VendorDefinedMessage {
        checkU8("spdmVersion", spdmVersion);
        checkU8("param1", param1);
        checkU8("param2", param2);
        Objects.requireNonNull(protocol, "protocol");
        if (body.size() + 1 > 0xFFFF) {
            throw new IllegalArgumentException("payload too long for ReqLength: " + body.size());
        }
    }

    /** A request of {@code protocol} in SPDM 1.2 with zero parameters. */
    public static VendorDefinedMessage request(ProtocolId protocol, ByteString body) {
        return new VendorDefinedMessage(SPDM_1_2, true, 0, 0, protocol, body);
    }

    /** A response of {@code protocol} in SPDM 1.2 with zero parameters. */
    public static VendorDefinedMessage response(ProtocolId protocol, ByteString body) {
        return new VendorDefinedMessage(SPDM_1_2, false, 0, 0, protocol, body);
    }

    /** The SPDM message bytes. */
    public ByteString encode() {
        return WireWriter.littleEndian()
                .u8(spdmVersion).u8(request ? REQUEST_CODE : RESPONSE_CODE).u8(param1).u8(param2)
                .u16(STANDARD_ID_PCI_SIG).u8(2).u16(VENDOR_ID_PCI_SIG)
                .u16(body.size() + 1).u8(protocol.code()).bytes(body)
                .toByteString();
    }

    /** Decodes an SPDM message that must be exactly one PCI-SIG vendor-defined message. */
    public static DecodeResult<VendorDefinedMessage> decode(ByteString bytes) {
        return decode(bytes, 0);
    }

    /**
     * Decodes a message followed by up to {@code maxPadding} zero bytes, as a DOE object delivers
     * it (padded to a DWORD).
     */
    public static DecodeResult<VendorDefinedMessage> decode(ByteString bytes, int maxPadding) {
        WireReader in = WireReader.littleEndian(bytes, "SPDM VENDOR_DEFINED", ReservedPolicy.REJECT);
        try {
            int version = in.u8("SPDMVersion");
            int code = in.u8("RequestResponseCode");
            in.identify(code == REQUEST_CODE ? "SPDM VENDOR_DEFINED_REQUEST" : "SPDM VENDOR_DEFINED_RESPONSE", code);
            if (code != REQUEST_CODE && code != RESPONSE_CODE) {
                throw in.failure("RequestResponseCode", 1, DecodeError.Reason.UNKNOWN_CODE,
                        String.format("0x%02X is not VENDOR_DEFINED_REQUEST (0xFE) or _RESPONSE (0x7E)", code));
            }
            int param1 = in.u8("Param1");
            int param2 = in.u8("Param2");
            expect(in, "StandardID", in.u16("StandardID"), STANDARD_ID_PCI_SIG, 4);
            expect(in, "Len", in.u8("Len"), 2, 6);
            expect(in, "VendorID", in.u16("VendorID"), VENDOR_ID_PCI_SIG, 7);
            int length = in.u16("ReqLength");
            if (length == 0) {
                throw in.invalid("ReqLength", 9, "must include at least the protocol id");
            }
            int protocolCode = in.u8("ProtocolID");
            ProtocolId protocol = ProtocolId.fromCode(protocolCode).orElseThrow(() -> in.failure("ProtocolID",
                    HEADER_LENGTH, DecodeError.Reason.UNKNOWN_CODE, protocolCode + " is not IDE_KM (0) or TDISP (1)"));
            ByteString body = in.bytes("payload", length - 1);
            skipPadding(in, maxPadding);
            return DecodeResult.decoded(new VendorDefinedMessage(version, code == REQUEST_CODE, param1, param2,
                    protocol, body));
        } catch (MalformedException e) {
            return DecodeResult.malformed(e.error());
        }
    }

    private static void skipPadding(WireReader in, int maxPadding) throws MalformedException {
        if (in.remaining() > maxPadding) {
            in.expectEnd();
        }
        in.reserved("padding", in.remaining());
    }

    private static void expect(WireReader in, String field, int actual, int expected, int offset)
            throws MalformedException {
        if (actual != expected) {
            throw in.invalid(field, offset, String.format("0x%X, expected 0x%X (PCI-SIG)", actual, expected));
        }
    }

    private static void checkU8(String name, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(name + " must be a u8: " + value);
        }
    }
}
