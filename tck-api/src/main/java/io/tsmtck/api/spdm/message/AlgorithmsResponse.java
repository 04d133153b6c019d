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
        implements SpdmMessage, AlgorithmStructures {

    public AlgorithmsResponse {
        extAsym = List.copyOf(extAsym);
        extHash = List.copyOf(extHash);
        structures = List.copyOf(structures);
    }

    @Override
    public RequestResponseCode code() {
        return RequestResponseCode.ALGORITHMS;
    }

    @Override
    public ByteString encode() {
        AlgorithmLists lists = new AlgorithmLists(extAsym, extHash, structures, melSpecification);
        WireWriter out = new Header(version, code(), structures.size(), 0).writer().u16(36 + lists.size())
                .u8(measurementSpecification).u8(otherParams).u32(measurementHash).u32(baseAsym).u32(baseHash);
        lists.write(out, version);
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
        AlgorithmLists lists = AlgorithmLists.read(in, header, AlgorithmLists.RESPONSE);
        return new AlgorithmsResponse(header.version(), measurement, other, measurementHash, asym, hash,
                lists.extAsym(), lists.extHash(), lists.structures(), lists.melSpecification());
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
