package io.tsmtck.api.spdm;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeError;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;

/**
 * A PCIe DOE data object (PCIe Base 6.x 6.30): VendorID u16, type u8, reserved u8, Length u32 (bits
 * 17:0, in DWORDs including the two-DWORD header; 0 means 2^18), then the data padded with zeros to
 * a DWORD.
 *
 * @param vendorId the data object's vendor id ({@link #VENDOR_PCI_SIG} for the types here)
 * @param type the data object type ({@link #TYPE_SPDM}, {@link #TYPE_SECURED_SPDM})
 * @param data the data including any padding
 */
public record DoeObject(int vendorId, int type, ByteString data) {

    /** PCI-SIG. */
    public static final int VENDOR_PCI_SIG = 0x0001;
    /** DOE discovery. */
    public static final int TYPE_DISCOVERY = 0;
    /** SPDM message. */
    public static final int TYPE_SPDM = 1;
    /** Secured SPDM message. */
    public static final int TYPE_SECURED_SPDM = 2;

    private static final long LENGTH_MASK = 0x3FFFF;
    private static final int MAX_DWORDS = 1 << 18;

    public DoeObject {
        if (data.size() % 4 != 0 || data.size() / 4 + 2 > MAX_DWORDS) {
            throw new IllegalArgumentException("DOE data is whole DWORDs up to 2^18 with the header: " + data.size());
        }
    }

    /** An object of {@code type} carrying {@code message}, zero-padded to a DWORD. */
    public static DoeObject wrap(int type, ByteString message) {
        int padding = (4 - message.size() % 4) % 4;
        ByteString padded = WireWriter.littleEndian().bytes(message).zeros(padding).toByteString();
        return new DoeObject(VENDOR_PCI_SIG, type, padded);
    }

    /** The object's bytes. */
    public ByteString encode() {
        int dwords = data.size() / 4 + 2;
        return WireWriter.littleEndian().u16(vendorId).u8(type).u8(0).u32(dwords == MAX_DWORDS ? 0 : dwords)
                .bytes(data).toByteString();
    }

    /** Decodes exactly one data object. */
    public static DecodeResult<DoeObject> decode(ByteString bytes) {
        WireReader in = WireReader.littleEndian(bytes, "DOE object", ReservedPolicy.REJECT);
        try {
            int vendor = in.u16("VendorID");
            int type = in.u8("DataObjectType");
            in.reserved("reserved (offset 3)", 1);
            long raw = in.reservedBits("Length", in.u32("Length"), ~LENGTH_MASK & 0xFFFF_FFFFL, 4);
            long dwords = raw == 0 ? MAX_DWORDS : raw;
            if (dwords < 2) {
                throw in.invalid("Length", 4, dwords + " DWORDs is shorter than the header");
            }
            long dataLength = (dwords - 2) * 4;
            if (dataLength != in.remaining()) {
                throw in.failure("Length", 4, dataLength > in.remaining() ? DecodeError.Reason.TRUNCATED
                                : DecodeError.Reason.OVERSIZED,
                        "Length says " + dwords + " DWORDs, the object has " + (bytes.size() + 3) / 4);
            }
            return DecodeResult.decoded(new DoeObject(vendor, type, in.rest("data")));
        } catch (MalformedException e) {
            return DecodeResult.malformed(e.error());
        }
    }
}
