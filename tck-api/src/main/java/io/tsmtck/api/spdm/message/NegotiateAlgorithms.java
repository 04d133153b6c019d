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
        implements SpdmMessage {

    public NegotiateAlgorithms {
        extAsym = List.copyOf(extAsym);
        extHash = List.copyOf(extHash);
        structures = List.copyOf(structures);
    }

    /** The DHE groups offered. */
    public int dhe() {
        return AlgorithmStructure.supported(structures, AlgorithmStructure.DHE);
    }

    /** The AEAD suites offered. */
    public int aead() {
        return AlgorithmStructure.supported(structures, AlgorithmStructure.AEAD);
    }

    /** The key schedules offered. */
    public int keySchedule() {
        return AlgorithmStructure.supported(structures, AlgorithmStructure.KEY_SCHEDULE);
    }

    @Override
    public RequestResponseCode code() {
        return RequestResponseCode.NEGOTIATE_ALGORITHMS;
    }

    @Override
    public ByteString encode() {
        int length = 32 + 4 * (extAsym.size() + extHash.size())
                + structures.stream().mapToInt(AlgorithmStructure::size).sum();
        WireWriter out = new Header(version, code(), structures.size(), 0).writer().u16(length)
                .u8(measurementSpecification).u8(otherParams).u32(baseAsym).u32(baseHash).zeros(12)
                .u8(extAsym.size()).u8(extHash.size()).zeros(version >= 0x13 ? 1 : 2);
        if (version >= 0x13) {
            out.u8(melSpecification);
        }
        extAsym.forEach(out::u32);
        extHash.forEach(out::u32);
        structures.forEach(s -> s.write(out));
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
        in.reserved("Reserved", 12);
        int extAsymCount = in.u8("ExtAsymCount");
        int extHashCount = in.u8("ExtHashCount");
        in.reserved("Reserved", header.version() >= 0x13 ? 1 : 2);
        int mel = header.version() >= 0x13 ? in.u8("MELspecification") : 0;
        List<Long> extAsym = readExternal(in, "ExtAsym", extAsymCount);
        List<Long> extHash = readExternal(in, "ExtHash", extHashCount);
        List<AlgorithmStructure> structures = AlgorithmStructure.read(in, header.param1());
        return new NegotiateAlgorithms(header.version(), measurement, other, asym, hash, extAsym, extHash, structures,
                mel);
    }

    static List<Long> readExternal(WireReader in, String field, int count) throws MalformedException {
        Long[] entries = new Long[count];
        for (int i = 0; i < count; i++) {
            entries[i] = in.u32(field + "[" + i + "]");
        }
        return List.of(entries);
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
