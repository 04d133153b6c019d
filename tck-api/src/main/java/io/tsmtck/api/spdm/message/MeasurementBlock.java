package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One measurement block of a MeasurementRecord (DSP0274 "Measurement block format"): Index u8,
 * MeasurementSpecification u8 (bit 0 DMTF), MeasurementSize u16, Measurement. A DMTF measurement is
 * DMTFSpecMeasurementValueType u8 (bit 7 set: a raw bit stream, clear: a digest; bits 6:0 what was
 * measured), DMTFSpecMeasurementValueSize u16 and the value.
 *
 * @param measurement the Measurement field, whatever its specification
 */
public record MeasurementBlock(int index, int specification, ByteString measurement) {

    /** MeasurementSpecification bit 0: the DMTF measurement format. */
    public static final int DMTF = 0x01;
    /** DMTFSpecMeasurementValueType bit 7: the value is a raw bit stream, not a digest. */
    public static final int RAW_BIT_STREAM = 0x80;

    /** What a DMTF measurement measured (DMTFSpecMeasurementValueType bits 6:0). */
    public enum DmtfType {
        IMMUTABLE_ROM(0), MUTABLE_FIRMWARE(1), HARDWARE_CONFIGURATION(2), FIRMWARE_CONFIGURATION(3),
        FREEFORM_MANIFEST(4), DEBUG_AND_DEVICE_MODE(5), FIRMWARE_VERSION(6), FIRMWARE_SECURITY_VERSION(7),
        HASH_EXTENDED(8), INFORMATIONAL(9), STRUCTURED_MANIFEST(10);

        private final int code;

        DmtfType(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** The type of {@code code}, or empty for a reserved one. */
        public static java.util.Optional<DmtfType> of(int code) {
            return java.util.Arrays.stream(values()).filter(t -> t.code == code).findFirst();
        }
    }

    /** A DMTF measurement block. */
    public static MeasurementBlock dmtf(int index, int valueType, ByteString value) {
        return new MeasurementBlock(index, DMTF, WireWriter.littleEndian().u8(valueType).u16(value.size())
                .bytes(value).toByteString());
    }

    public MeasurementBlock {
        Header.checkU8("index", index);
        Header.checkU8("specification", specification);
        Header.checkU16("measurement size", measurement.size());
    }

    /** The block as it appears in a MeasurementRecord. */
    public ByteString encode() {
        return WireWriter.littleEndian().u8(index).u8(specification).u16(measurement.size()).bytes(measurement)
                .toByteString();
    }

    /** DMTFSpecMeasurementValueType, or -1 when the block is not in the DMTF format or too short. */
    public int dmtfValueType() {
        return isDmtf() && measurement.size() >= 3 ? measurement.get(0) : -1;
    }

    /** The DMTF value, or empty when the block is not in the DMTF format. */
    public ByteString dmtfValue() {
        return isDmtf() && measurement.size() >= 3 ? ByteString.copyOf(measurement.toByteArray(), 3,
                measurement.size() - 3) : ByteString.EMPTY;
    }

    private boolean isDmtf() {
        return (specification & DMTF) != 0;
    }

    /**
     * The blocks of a MeasurementRecord, which they must fill exactly; a DMTF block's
     * DMTFSpecMeasurementValueSize must fill its MeasurementSize exactly.
     */
    public static DecodeResult<List<MeasurementBlock>> parse(ByteString record) {
        WireReader in = WireReader.littleEndian(record, "MeasurementRecord", ReservedPolicy.IGNORE);
        List<MeasurementBlock> blocks = new ArrayList<>();
        try {
            while (in.remaining() > 0) {
                int at = in.position();
                int index = in.u8("Index");
                int specification = in.u8("MeasurementSpecification");
                ByteString measurement = in.bytes("Measurement", in.u16("MeasurementSize"));
                if ((specification & DMTF) != 0 && (measurement.size() < 3
                        || measurement.size() != 3 + (measurement.get(1) | measurement.get(2) << 8))) {
                    throw in.invalid("DMTFSpecMeasurementValueSize", at + 5, "block " + index + ": MeasurementSize "
                            + measurement.size() + " is not 3 + DMTFSpecMeasurementValueSize");
                }
                blocks.add(new MeasurementBlock(index, specification, measurement));
            }
        } catch (MalformedException e) {
            return DecodeResult.malformed(e.error());
        }
        return DecodeResult.decoded(List.copyOf(blocks));
    }

    /** The MeasurementRecord of {@code blocks}. */
    public static ByteString record(List<MeasurementBlock> blocks) {
        WireWriter out = WireWriter.littleEndian();
        blocks.forEach(block -> out.bytes(block.encode()));
        return out.toByteString();
    }

    @Override
    public String toString() {
        int type = dmtfValueType();
        String what = type < 0 ? "specification 0x" + Integer.toHexString(specification)
                : DmtfType.of(type & 0x7F).map(Enum::name).orElse("reserved type " + (type & 0x7F))
                + ((type & RAW_BIT_STREAM) != 0 ? " (raw)" : " (digest)");
        ByteString value = type < 0 ? measurement : dmtfValue();
        return "block " + index + ": " + what + " " + value.hex() + (type >= 0 && (type & RAW_BIT_STREAM) != 0
                && printable(value) ? " (\"" + new String(value.toByteArray(), StandardCharsets.US_ASCII) + "\")" : "");
    }

    private static boolean printable(ByteString value) {
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) < 0x20 || value.get(i) > 0x7E) {
                return false;
            }
        }
        return value.size() > 0;
    }
}
