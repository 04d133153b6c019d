package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.HexText;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.List;

/**
 * ALGORITHMS: Param1 the number of AlgStructures; Length u16, MeasurementSpecificationSel u8,
 * OtherParamsSelection u8, MeasurementHashAlgo u32, BaseAsymSel u32, BaseHashSel u32, 12 reserved
 * bytes, ExtAsymSelCount u8, ExtHashSelCount u8, 2 reserved bytes (1.3: reserved u8,
 * MELspecificationSel u8), the external selections, then the AlgStructures with one bit each.
 */
public record AlgorithmsResponse(int version, int measurementSpecification, int otherParams,
                                 long measurementHash, long baseAsym, long baseHash, List<Long> extAsym,
                                 List<Long> extHash, List<AlgorithmStructure> structures, int melSpecification)
        implements SpdmMessage {

    public AlgorithmsResponse {
        extAsym = List.copyOf(extAsym);
        extHash = List.copyOf(extHash);
        structures = List.copyOf(structures);
    }

    /** The DHE group selected. */
    public int dhe() {
        return AlgorithmStructure.supported(structures, AlgorithmStructure.DHE);
    }

    /** The AEAD suite selected. */
    public int aead() {
        return AlgorithmStructure.supported(structures, AlgorithmStructure.AEAD);
    }

    /** The key schedule selected. */
    public int keySchedule() {
        return AlgorithmStructure.supported(structures, AlgorithmStructure.KEY_SCHEDULE);
    }

    @Override
    public RequestResponseCode code() {
        return RequestResponseCode.ALGORITHMS;
    }

    @Override
    public ByteString encode() {
        int length = 36 + 4 * (extAsym.size() + extHash.size())
                + structures.stream().mapToInt(AlgorithmStructure::size).sum();
        WireWriter out = new Header(version, code(), structures.size(), 0).writer().u16(length)
                .u8(measurementSpecification).u8(otherParams).u32(measurementHash).u32(baseAsym).u32(baseHash)
                .zeros(12).u8(extAsym.size()).u8(extHash.size()).zeros(version >= 0x13 ? 1 : 2);
        if (version >= 0x13) {
            out.u8(melSpecification);
        }
        extAsym.forEach(out::u32);
        extHash.forEach(out::u32);
        structures.forEach(s -> s.write(out));
        return out.toByteString();
    }

    static AlgorithmsResponse decode(WireReader in, Header header, int messageSize) throws MalformedException {
        Header.reservedParam(in, "Param2", header.param2(), 3);
        int length = in.u16("Length");
        if (length != messageSize) {
            throw in.invalid("Length", 4, "says " + length + " bytes, the message has " + messageSize);
        }
        int measurement = in.u8("MeasurementSpecificationSel");
        int other = in.u8("OtherParamsSelection");
        long measurementHash = in.u32("MeasurementHashAlgo");
        long asym = in.u32("BaseAsymSel");
        long hash = in.u32("BaseHashSel");
        in.reserved("Reserved", 12);
        int extAsymCount = in.u8("ExtAsymSelCount");
        int extHashCount = in.u8("ExtHashSelCount");
        in.reserved("Reserved", header.version() >= 0x13 ? 1 : 2);
        int mel = header.version() >= 0x13 ? in.u8("MELspecificationSel") : 0;
        List<Long> extAsym = NegotiateAlgorithms.readExternal(in, "ExtAsymSel", extAsymCount);
        List<Long> extHash = NegotiateAlgorithms.readExternal(in, "ExtHashSel", extHashCount);
        List<AlgorithmStructure> structures = AlgorithmStructure.read(in, header.param1());
        return new AlgorithmsResponse(header.version(), measurement, other, measurementHash, asym, hash, extAsym,
                extHash, structures, mel);
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
