package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.List;

/**
 * What NEGOTIATE_ALGORITHMS and ALGORITHMS share after their base algorithms (DSP0274): 12 reserved bytes,
 * the ExtAsym and ExtHash counts, 2 reserved bytes (1.3: a reserved byte and the MEL specification), the
 * ExtAsym and ExtHash entries, then the AlgStructures (Param1 counts them). The two messages name the fields
 * differently ({@code names}); the bytes are the same.
 *
 * @param extAsym the ExtAsym entries
 * @param extHash the ExtHash entries
 * @param structures the AlgStructures
 * @param melSpecification the MEL specification (1.3; 0 before)
 */
record AlgorithmLists(List<Long> extAsym, List<Long> extHash, List<AlgorithmStructure> structures,
                      int melSpecification) {

    /** How one of the messages names the shared fields. */
    record Names(String extAsymCount, String extHashCount, String mel, String extAsym, String extHash) {
    }

    static final Names REQUEST = new Names("ExtAsymCount", "ExtHashCount", "MELspecification", "ExtAsym", "ExtHash");
    static final Names RESPONSE = new Names("ExtAsymSelCount", "ExtHashSelCount", "MELspecificationSel",
            "ExtAsymSel", "ExtHashSel");

    /** The bytes these lists take after the message's fixed fields. */
    int size() {
        return 4 * (extAsym.size() + extHash.size()) + structures.stream().mapToInt(AlgorithmStructure::size).sum();
    }

    /** Writes them, from the 12 reserved bytes on, in {@code version}'s layout. */
    void write(WireWriter out, int version) {
        out.zeros(12).u8(extAsym.size()).u8(extHash.size()).zeros(version >= 0x13 ? 1 : 2);
        if (version >= 0x13) {
            out.u8(melSpecification);
        }
        extAsym.forEach(out::u32);
        extHash.forEach(out::u32);
        structures.forEach(s -> s.write(out));
    }

    /** Reads them, from the 12 reserved bytes on; {@code header}'s Param1 counts the AlgStructures. */
    static AlgorithmLists read(WireReader in, Header header, Names names) throws MalformedException {
        in.reserved("Reserved", 12);
        int extAsymCount = in.u8(names.extAsymCount());
        int extHashCount = in.u8(names.extHashCount());
        in.reserved("Reserved", header.version() >= 0x13 ? 1 : 2);
        int mel = header.version() >= 0x13 ? in.u8(names.mel()) : 0;
        List<Long> extAsym = readExternal(in, names.extAsym(), extAsymCount);
        List<Long> extHash = readExternal(in, names.extHash(), extHashCount);
        return new AlgorithmLists(extAsym, extHash, AlgorithmStructure.read(in, header.param1()), mel);
    }

    private static List<Long> readExternal(WireReader in, String field, int count) throws MalformedException {
        Long[] entries = new Long[count];
        for (int i = 0; i < count; i++) {
            entries[i] = in.u32(field + "[" + i + "]");
        }
        return List.of(entries);
    }
}
