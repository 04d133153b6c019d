package io.tsmtck.api.spdm.session;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The opaque data of KEY_EXCHANGE and KEY_EXCHANGE_RSP that negotiates the secured-message version
 * (DSP0277 "secured message opaque data"): one DMTF element (ID 0, no vendor id) whose data is
 * SMDataVersion 1 and SMDataID 1 with the supported versions (request) or SMDataID 0 with the
 * selected one (response), padded to four bytes. From SPDM 1.2 the general opaque data format 1
 * (TotalElements u8, 3 reserved bytes); in 1.1 the DMTF table header (SpecID "DMTF", OpaqueVersion
 * 1, TotalElements, 2 reserved bytes). Versions are u16 with the major in 15:12 and the minor in
 * 11:8 (1.2 is 0x1200).
 */
public final class SecuredMessageOpaqueData {

    /** The versions this kit speaks: 1.0, 1.1 and 1.2. */
    public static final List<Integer> VERSIONS = List.of(0x1000, 0x1100, 0x1200);

    private static final long SPEC_ID_DMTF = 0x444D5446L;
    private static final int SUPPORTED_LIST = 1;
    private static final int SELECTION = 0;

    private SecuredMessageOpaqueData() {
    }

    /** How the opaque data is laid out. */
    public enum Format {
        /** DSP0277 1.0's table: SpecID "DMTF", OpaqueVersion, TotalElements, 2 reserved bytes (SPDM 1.1). */
        DMTF_TABLE,
        /** DSP0274 1.2's general opaque data format (OpaqueDataFmt1): TotalElements, 3 reserved bytes. */
        GENERAL;

        /** OtherParamsSelection's OpaqueDataFmt1 bit. */
        public static final int OPAQUE_DATA_FMT1 = 0x02;

        /** The format of a connection at {@code version} whose ALGORITHMS selected {@code otherParams}. */
        public static Format of(int version, int otherParams) {
            return version >= 0x12 && (otherParams & OPAQUE_DATA_FMT1) != 0 ? GENERAL : DMTF_TABLE;
        }
    }

    /** The request's opaque data offering {@code versions}. */
    public static ByteString supported(Format format, List<Integer> versions) {
        WireWriter data = WireWriter.littleEndian().u8(1).u8(SUPPORTED_LIST).u8(versions.size());
        versions.forEach(data::u16);
        return element(format, data.toByteString());
    }

    /** The response's opaque data selecting {@code version}. */
    public static ByteString selection(Format format, int version) {
        return element(format, WireWriter.littleEndian().u8(1).u8(SELECTION).u16(version).toByteString());
    }

    /** The versions a request's opaque data offers. */
    public static DecodeResult<List<Integer>> readSupported(Format format, ByteString opaque) {
        return read(format, opaque, SUPPORTED_LIST);
    }

    /** The one version a response's opaque data selects. */
    public static DecodeResult<Integer> readSelection(Format format, ByteString opaque) {
        return read(format, opaque, SELECTION).map(list -> list.get(0));
    }

    private static ByteString element(Format format, ByteString data) {
        WireWriter out = WireWriter.littleEndian();
        if (format == Format.GENERAL) {
            out.u8(1).zeros(3);
        } else {
            out.u32(SPEC_ID_DMTF).u8(1).u8(1).zeros(2);
        }
        out.u8(0).u8(0).u16(data.size()).bytes(data).zeros((4 - (4 + data.size()) % 4) % 4);
        return out.toByteString();
    }

    private static DecodeResult<List<Integer>> read(Format format, ByteString opaque, int expectedId) {
        WireReader in = WireReader.littleEndian(opaque, "secured message opaque data", ReservedPolicy.IGNORE);
        try {
            int elements;
            if (format == Format.GENERAL) {
                elements = in.u8("TotalElements");
                in.reserved("Reserved", 3);
            } else {
                long specId = in.u32("SpecID");
                if (specId != SPEC_ID_DMTF) {
                    throw in.invalid("SpecID", 0,
                            String.format("0x%08X, expected 0x%08X (DMTF)", specId, SPEC_ID_DMTF));
                }
                in.u8("OpaqueVersion");
                elements = in.u8("TotalElements");
                in.reserved("Reserved", 2);
            }
            for (int e = 0; e < elements; e++) {
                int id = in.u8("ID");
                ByteString vendor = in.bytes("VendorID", in.u8("VendorLen"));
                int length = in.u16("OpaqueElementDataLen");
                int start = in.position();
                ByteString data = in.bytes("OpaqueElementData", length);
                int elementSize = 4 + vendor.size() + length;
                in.bytes("AlignPadding", Math.min(in.remaining(), (4 - elementSize % 4) % 4));
                boolean dmtf = id == 0 && vendor.size() == 0;
                if (dmtf && data.size() >= 2 && data.get(0) == 1 && data.get(1) == expectedId) {
                    return DecodeResult.decoded(versions(data, expectedId, start));
                }
            }
            throw in.invalid("OpaqueElement", 0, "no DMTF secured-message "
                    + (expectedId == SELECTION ? "version selection" : "supported version list"));
        } catch (MalformedException e) {
            return DecodeResult.malformed(e.error());
        }
    }

    private static List<Integer> versions(ByteString data, int id, int offset) throws MalformedException {
        WireReader in = WireReader.littleEndian(data, "secured message version element", ReservedPolicy.IGNORE);
        in.u8("SMDataVersion");
        in.u8("SMDataID");
        List<Integer> versions = new ArrayList<>();
        if (id == SELECTION) {
            versions.add(in.u16("SelectedVersion"));
            return versions;
        }
        int count = in.u8("NumberOfVersions");
        for (int i = 0; i < count; i++) {
            versions.add(in.u16("VersionsList[" + i + "]"));
        }
        if (versions.isEmpty()) {
            throw in.invalid("NumberOfVersions", 2, "offers no version (element at offset " + offset + ")");
        }
        return versions;
    }
}
