package io.tsmtck.emu.device;

import io.tsmtck.api.tdisp.InterfaceReport;
import io.tsmtck.api.tdisp.LockFlag;
import io.tsmtck.api.tdisp.LockInterfaceRequest;
import io.tsmtck.api.tdisp.MmioRange;
import io.tsmtck.api.topology.Bar;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.emu.stack.EmuContext;
import io.tsmtck.emu.faults.Fault;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a TDI's interface report (PCIe Base 6.x 11.3.11, table 11-15) from its function's BARs and
 * the lock's parameters. FIRST_PAGE is the page-aligned byte address (libspdm's reading) plus
 * MMIO_REPORTING_OFFSET. The emulation marks every BAR but BAR0 as IS_MEM_ATTR_UPDATABLE, so that
 * SET_MMIO_ATTRIBUTE has a range to act on and one to refuse.
 */
final class InterfaceReports {

    /** INTERFACE_INFO bit 1: DMA requests without PASID. */
    private static final int INFO_DMA_WITHOUT_PASID = 1 << 1;
    private static final ByteString DEVICE_INFO = ByteString.of("TSMTCK-EMU".getBytes(StandardCharsets.US_ASCII));

    private InterfaceReports() {
    }

    static InterfaceReport build(EmuFunction function, LockInterfaceRequest lock, EmuContext context) {
        long offset = context.faults().value(Fault.TDISP_REPORT_IGNORES_OFFSET, lock.mmioReportingOffset(), 0L);
        List<MmioRange> ranges = new ArrayList<>();
        for (Bar bar : function.bars()) {
            int attributes = bar.index() == 0 ? 0 : MmioRange.ATTR_IS_MEM_ATTR_UPDATABLE;
            ranges.add(new MmioRange(function.barBase(bar.index()) + offset, bar.size() / MmioRange.PAGE_SIZE,
                    attributes, bar.index()));
        }
        if (context.faults().inject(Fault.TDISP_REPORT_MISSES_BAR, !ranges.isEmpty())) {
            ranges.remove(ranges.size() - 1);
        }
        boolean noFwUpdate = context.faults().value(Fault.TDISP_REPORT_NO_FW_UPDATE_ALWAYS,
                (lock.flags() & LockFlag.NO_FW_UPDATE.mask()) != 0, true);
        int info = INFO_DMA_WITHOUT_PASID | context.faults().value(Fault.TDISP_REPORT_IGNORES_NO_FW_UPDATE,
                noFwUpdate ? 1 : 0, 0);
        return new InterfaceReport(info, 0, 0, 0, ranges, DEVICE_INFO);
    }

    /** The range with {@code rangeId}, if the function reports one. */
    static Optional<MmioRange> range(EmuFunction function, LockInterfaceRequest lock, EmuContext context,
                                              int rangeId) {
        return build(function, lock, context).ranges().stream().filter(r -> r.rangeId() == rangeId).findFirst();
    }
}
