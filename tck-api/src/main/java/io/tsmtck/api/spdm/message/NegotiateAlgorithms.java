package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.HexText;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.List;

/**
 * NEGOTIATE_ALGORITHMS: Param1 the number of AlgStructures; Length u16, MeasurementSpecification
 * u8, OtherParamsSupport u8, BaseAsymAlgo u32, BaseHashAlgo u32, 12 reserved bytes,
 * ExtAsymCount u8, ExtHashCount u8, 2 reserved bytes (1.3: reserved u8, MELspecification u8), the
 * external entries, then the AlgStructures.
 *
 * @param version SPDMVersion
 * @param measurementSpecification MeasurementSpecification (bit 0: DMTF)
 * @param otherParams OtherParamsSupport (1.2: opaque data format in bits 3:0)
 * @param baseAsym BaseAsymAlgo offered
 * @param baseHash BaseHashAlgo offered
 * @param extAsym ExtAsym entries
 * @param extHash ExtHash entries
 * @param structures the DHE, AEAD, ReqBaseAsymAlg and KeySchedule structures
 * @param melSpecification MELspecification (1.3; 0 before)
 */
public record NegotiateAlgorithms(int version, int measurementSpecification, int otherParams, long baseAsym,
                                  long baseHash, List<Long> extAsym, List<Long> extHash,
                                  List<AlgorithmStructure> structures, int melSpecification)
        implements SpdmMessage, AlgorithmStructures {

    public NegotiateAlgorithms {
        extAsym = List.copyOf(extAsym);
        extHash = List.copyOf(extHash);
        structures = List.copyOf(structures);
    }

    @Override
    public RequestResponseCode code() {
        return RequestResponseCode.NEGOTIATE_ALGORITHMS;
    }

    @Override
    public ByteString encode() {
        AlgorithmLists lists = new AlgorithmLists(extAsym, extHash, structures, melSpecification);
        WireWriter out = new Header(version, code(), structures.size(), 0).writer().u16(32 + lists.size())
                .u8(measurementSpecification).u8(otherParams).u32(baseAsym).u32(baseHash);
        lists.write(out, version);
        return out.toByteString();
    }

    static NegotiateAlgorithms decode(WireReader in, Header header, int messageSize) throws MalformedException {
        Header.reservedParam(in, "Param2", header.param2(), 3);
        int length = in.u16("Length");
        if (length != messageSize) {
            throw in.invalid("Length", 4, "says " + length + " bytes, the message has " + messageSize);
        }
        int measurement = in.u8("MeasurementSpecification");
        int other = in.u8("OtherParamsSupport");
        long asym = in.u32("BaseAsymAlgo");
        long hash = in.u32("BaseHashAlgo");
        AlgorithmLists lists = AlgorithmLists.read(in, header, AlgorithmLists.REQUEST);
        return new NegotiateAlgorithms(header.version(), measurement, other, asym, hash, lists.extAsym(),
                lists.extHash(), lists.structures(), lists.melSpecification());
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
