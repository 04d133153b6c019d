package io.tsmtck.emu.spdm;

import io.tsmtck.api.spdm.algorithm.HashAlgorithm;
import io.tsmtck.api.spdm.message.MeasurementBlock;
import io.tsmtck.api.spdm.message.MeasurementBlock.DmtfType;
import io.tsmtck.api.wire.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What the reference device measures, in the DMTF measurement block format: its ROM, its firmware,
 * its hardware and firmware configuration as digests in the negotiated measurement hash, and its
 * firmware version as a raw bit stream. The TCB measurements (what a TCB measurement summary hash
 * covers) are the ROM and the firmware.
 *
 * @param entries index, type and content of each measurement, in index order
 */
public record DeviceMeasurements(List<Entry> entries) {

    /**
     * One measurement: a digest of {@code content} (raw false) or {@code content} itself.
     *
     * @param tcb whether it belongs to the TCB measurement summary
     */
    public record Entry(int index, DmtfType type, boolean raw, boolean tcb, ByteString content) {
    }

    public DeviceMeasurements {
        entries = List.copyOf(entries);
    }

    /** The reference device: five measurements, indices 1 to 4 digests and 0x10 its firmware version. */
    public static DeviceMeasurements reference() {
        return new DeviceMeasurements(List.of(
                new Entry(1, DmtfType.IMMUTABLE_ROM, false, true, text("tsm-tck reference device boot ROM")),
                new Entry(2, DmtfType.MUTABLE_FIRMWARE, false, true, text("tsm-tck reference device firmware 1.0.0")),
                new Entry(3, DmtfType.HARDWARE_CONFIGURATION, false, false, text("straps: ide=1 tdisp=1")),
                new Entry(4, DmtfType.FIRMWARE_CONFIGURATION, false, false, text("config: streams=1 tdis=*")),
                new Entry(0x10, DmtfType.FIRMWARE_VERSION, true, false, text("1.0.0"))));
    }

    /** No measurements (a device without MEAS_CAP). */
    public static DeviceMeasurements none() {
        return new DeviceMeasurements(List.of());
    }

    /** Every block, digests in {@code hash}. */
    public List<MeasurementBlock> blocks(HashAlgorithm hash) {
        return entries.stream().map(e -> block(e, hash)).toList();
    }

    /** The block of {@code index}, if the device has that measurement. */
    public Optional<MeasurementBlock> block(int index, HashAlgorithm hash) {
        return entries.stream().filter(e -> e.index() == index).findFirst().map(e -> block(e, hash));
    }

    /** The block of the index after {@code index} (the first after the last): an off-by-one a device could have. */
    public Optional<MeasurementBlock> blockAfter(int index, HashAlgorithm hash) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).index() == index) {
                return Optional.of(block(entries.get((i + 1) % entries.size()), hash));
            }
        }
        return Optional.empty();
    }

    /**
     * The MeasurementSummaryHash of CHALLENGE_AUTH and KEY_EXCHANGE_RSP for summary type {@code type}
     * (1 the TCB measurements, 0xFF all): the base hash of the concatenated blocks (DSP0274, as
     * libspdm computes it).
     */
    public ByteString summary(int type, HashAlgorithm baseHash, HashAlgorithm measurementHash) {
        List<MeasurementBlock> included = entries.stream().filter(e -> type == 0xFF || e.tcb())
                .map(e -> block(e, measurementHash)).toList();
        return ByteString.of(baseHash.digest(MeasurementBlock.record(included).toByteArray()));
    }

    private static MeasurementBlock block(Entry entry, HashAlgorithm hash) {
        return entry.raw()
                ? MeasurementBlock.dmtf(entry.index(), MeasurementBlock.RAW_BIT_STREAM | entry.type().code(),
                        entry.content())
                : MeasurementBlock.dmtf(entry.index(), entry.type().code(),
                        ByteString.of(hash.digest(entry.content().toByteArray())));
    }

    private static ByteString text(String value) {
        return ByteString.of(value.getBytes(StandardCharsets.US_ASCII));
    }
}
