package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.HexText;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * One AlgStructure of NEGOTIATE_ALGORITHMS and ALGORITHMS: AlgType u8, AlgCount u8 (7:4 the fixed
 * field's size, 2; 3:0 the number of external entries), AlgSupported u16, external u32 entries.
 *
 * @param type 2 DHE, 3 AEAD, 4 ReqBaseAsymAlg, 5 KeySchedule
 * @param supported the bits offered (request) or the one selected (response)
 * @param external the external algorithm entries
 */
public record AlgorithmStructure(int type, int supported, List<Long> external) {

    public static final int DHE = 2;
    public static final int AEAD = 3;
    public static final int REQ_BASE_ASYM = 4;
    public static final int KEY_SCHEDULE = 5;
    /** The SPDM key schedule bit of KeySchedule. */
    public static final int SPDM_KEY_SCHEDULE = 1;

    public AlgorithmStructure {
        external = List.copyOf(external);
    }

    public static AlgorithmStructure of(int type, long supported) {
        return new AlgorithmStructure(type, (int) supported, List.of());
    }

    int size() {
        return 4 + 4 * external.size();
    }

    void write(WireWriter out) {
        out.u8(type).u8(0x20 | external.size()).u16(supported);
        external.forEach(out::u32);
    }

    static List<AlgorithmStructure> read(WireReader in, int count) throws MalformedException {
        List<AlgorithmStructure> structures = new ArrayList<>();
        int previous = 0;
        for (int i = 0; i < count; i++) {
            int offset = in.position();
            int type = in.u8("AlgType[" + i + "]");
            if (type < DHE || type > KEY_SCHEDULE || type <= previous) {
                throw in.invalid("AlgType[" + i + "]", offset, "AlgType " + type
                        + " is not 2..5 or not in increasing order after " + previous);
            }
            previous = type;
            int algCount = in.u8("AlgCount[" + i + "]");
            if (algCount >> 4 != 2) {
                throw in.invalid("AlgCount[" + i + "]", offset + 1, "fixed algorithm size " + (algCount >> 4)
                        + ", expected 2");
            }
            int supported = in.u16("AlgSupported[" + i + "]");
            List<Long> external = new ArrayList<>();
            for (int e = 0; e < (algCount & 0xF); e++) {
                external.add(in.u32("AlgExternal[" + i + "][" + e + "]"));
            }
            structures.add(new AlgorithmStructure(type, supported, external));
        }
        return structures;
    }

    /** The AlgSupported of {@code type} in {@code structures}, 0 if absent. */
    static int supported(List<AlgorithmStructure> structures, int type) {
        return structures.stream().filter(s -> s.type() == type).mapToInt(AlgorithmStructure::supported)
                .findFirst().orElse(0);
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
