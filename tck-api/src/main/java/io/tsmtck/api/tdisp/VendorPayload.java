package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.Objects;

/**
 * Vendor-defined content as TDISP carries it in VDM_REQUEST/VDM_RESPONSE and in the extended data
 * of VENDOR_SPECIFIC_ERROR: REGISTRY_ID u8, VENDOR_ID_LEN u8, VENDOR_ID, then vendor data
 * (PCIe Base 6.x 11.3.23-11.3.24, table 11-28).
 *
 * @param registryId the registry that assigned the vendor id
 * @param vendorId the vendor id, at most 255 bytes
 * @param data the vendor's bytes
 */
public record VendorPayload(int registryId, ByteString vendorId, ByteString data) {

    public VendorPayload {
        Fields.checkU8("registryId", registryId);
        Objects.requireNonNull(data, "data");
        if (vendorId.size() > 0xFF) {
            throw new IllegalArgumentException("vendorId is at most 255 bytes: " + vendorId.size());
        }
    }

    /** Bytes on the wire. */
    public int length() {
        return 2 + vendorId.size() + data.size();
    }

    void write(WireWriter out) {
        out.u8(registryId).u8(vendorId.size()).bytes(vendorId).bytes(data);
    }

    /** Reads a payload of exactly {@code length} bytes. */
    static VendorPayload read(WireReader in, int length) throws MalformedException {
        int start = in.position();
        int registry = in.u8("REGISTRY_ID");
        int idLength = in.u8("VENDOR_ID_LEN");
        ByteString id = in.bytes("VENDOR_ID", idLength);
        int dataLength = length - (in.position() - start);
        if (dataLength < 0) {
            throw in.invalid("VENDOR_ID_LEN", start + 1,
                    "vendor id of " + idLength + " bytes does not fit in " + length + " bytes of vendor data");
        }
        return new VendorPayload(registry, id, in.bytes("vendor data", dataLength));
    }
}
