package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeError;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The TDISP device interface report (PCIe Base 6.x 11.3.11, table 11-15), the bytes that
 * DEVICE_INTERFACE_REPORT responses carry in portions. The guest attests it before it starts the
 * interface; the host must not be able to change what it describes while the TDI is locked.
 *
 * @param interfaceInfo INTERFACE_INFO (bit 0 no firmware update while locked, 1 DMA without PASID,
 *     2 DMA with PASID, 3 ATS, 4 PRS; bits 15:5 reserved)
 * @param msixMessageControl MSI_X_MESSAGE_CONTROL (0 unless MSI-X is locked)
 * @param lnrControl LNR_CONTROL
 * @param tphControl TPH_CONTROL
 * @param ranges MMIO ranges, BAR ranges in ascending BAR order
 * @param deviceSpecificInfo DEVICE_SPECIFIC_INFO
 */
public record InterfaceReport(int interfaceInfo, int msixMessageControl, int lnrControl, long tphControl,
                              List<MmioRange> ranges, ByteString deviceSpecificInfo) {

    /** INTERFACE_INFO bits 15:5. */
    public static final int INTERFACE_INFO_RESERVED_MASK = 0xFFE0;

    public InterfaceReport {
        Fields.checkU16("interfaceInfo", interfaceInfo);
        Fields.checkU16("msixMessageControl", msixMessageControl);
        Fields.checkU16("lnrControl", lnrControl);
        Fields.checkU32("tphControl", tphControl);
        ranges = List.copyOf(ranges);
        Objects.requireNonNull(deviceSpecificInfo, "deviceSpecificInfo");
    }

    /** The report's bytes. */
    public ByteString encode() {
        WireWriter out = WireWriter.littleEndian();
        out.u16(interfaceInfo).u16(0).u16(msixMessageControl).u16(lnrControl).u32(tphControl).u32(ranges.size());
        for (MmioRange range : ranges) {
            out.u64(range.firstPage()).u32(range.numberOfPages()).u16(range.attributes()).u16(range.rangeId());
        }
        return out.u32(deviceSpecificInfo.size()).bytes(deviceSpecificInfo).toByteString();
    }

    /** Decodes a whole report; strict about lengths, reserved fields per {@code policy}. */
    public static DecodeResult<InterfaceReport> decode(ByteString bytes, ReservedPolicy policy) {
        WireReader in = WireReader.littleEndian(bytes, "TDISP interface report", policy);
        try {
            int info = (int) in.reservedBits("INTERFACE_INFO", in.u16("INTERFACE_INFO"),
                    INTERFACE_INFO_RESERVED_MASK, 0);
            in.reserved("reserved (offset 2)", 2);
            int msix = in.u16("MSI_X_MESSAGE_CONTROL");
            int lnr = in.u16("LNR_CONTROL");
            long tph = in.u32("TPH_CONTROL");
            int countOffset = in.position();
            long count = in.u32("MMIO_RANGE_COUNT");
            if (count * MmioRange.LENGTH > in.remaining()) {
                throw in.failure("MMIO_RANGE_COUNT", countOffset, DecodeError.Reason.TRUNCATED,
                        count + " ranges need " + count * MmioRange.LENGTH + " bytes, " + in.remaining() + " left");
            }
            List<MmioRange> ranges = new ArrayList<>((int) count);
            for (int i = 0; i < count; i++) {
                ranges.add(readRange(in, "MMIO_RANGE[" + i + "]."));
            }
            long infoLength = in.u32("DEVICE_SPECIFIC_INFO_LEN");
            if (infoLength > in.remaining()) {
                throw in.failure("DEVICE_SPECIFIC_INFO", in.position(),
                        DecodeError.Reason.TRUNCATED,
                        "DEVICE_SPECIFIC_INFO_LEN is " + infoLength + ", " + in.remaining() + " bytes left");
            }
            ByteString deviceInfo = in.bytes("DEVICE_SPECIFIC_INFO", (int) infoLength);
            in.expectEnd();
            return DecodeResult.decoded(new InterfaceReport(info, msix, lnr, tph, ranges, deviceInfo));
        } catch (MalformedException e) {
            return DecodeResult.malformed(e.error());
        }
    }

    private static MmioRange readRange(WireReader in, String prefix) throws MalformedException {
        long firstPage = in.u64(prefix + "FIRST_PAGE");
        long pages = in.u32(prefix + "NUMBER_OF_PAGES");
        int attrOffset = in.position();
        int attributes = (int) in.reservedBits(prefix + "ATTR", in.u16(prefix + "ATTR"),
                MmioRange.ATTR_RESERVED_MASK, attrOffset);
        return new MmioRange(firstPage, pages, attributes, in.u16(prefix + "RANGE_ID"));
    }
}
