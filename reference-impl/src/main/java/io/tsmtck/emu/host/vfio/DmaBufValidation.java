package io.tsmtck.emu.host.vfio;

import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.topology.Bar;
import io.tsmtck.api.vfio.DmaBufRange;
import io.tsmtck.api.vfio.DmaBufRequest;
import io.tsmtck.api.vfio.Region;
import io.tsmtck.emu.faults.Fault;
import io.tsmtck.emu.stack.EmuContext;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The argument checks of {@code VFIO_DEVICE_FEATURE_DMA_BUF} (drivers/vfio/pci/vfio_pci_dmabuf.c,
 * {@code vfio_pci_core_feature_dma_buf()}), in the kernel's order.
 */
final class DmaBufValidation {

    private static final long PAGE = 4096;

    private DmaBufValidation() {
    }

    /** The total size of the ranges, or the refusal. */
    static Result<Long> validate(DmaBufRequest request, IntFunction<Optional<Bar>> bars, EmuContext context) {
        if (context.faults().check(Fault.VFIO_DMABUF_FLAGS_ACCEPTED, request.flags() != 0)) {
            return Result.refused(Errno.EINVAL, "flags must be 0");
        }
        if (context.faults().check(Fault.VFIO_DMABUF_NO_RANGES_ACCEPTED, request.ranges().isEmpty())) {
            return Result.refused(Errno.EINVAL, "nr_ranges must not be 0");
        }
        if (context.faults().check(Fault.VFIO_DMABUF_ROM_ACCEPTED, request.regionIndex() >= Region.ROM_INDEX)) {
            return Result.refused(Errno.ENODEV, "region " + request.regionIndex() + " is not a BAR");
        }
        long barSize = request.regionIndex() < 0 ? 0
                : bars.apply(Math.min(request.regionIndex(), 5)).map(Bar::size).orElse(0L);
        long total = 0;
        for (DmaBufRange range : request.ranges()) {
            Result<Long> checked = checkRange(range, barSize, context);
            if (!checked.isOk()) {
                return checked;
            }
            total = context.faults().value(Fault.VFIO_DMABUF_SIZE_FIRST_RANGE, total + range.length(),
                    total == 0 ? range.length() : total);
        }
        return Result.ok(total);
    }

    private static Result<Long> checkRange(DmaBufRange range, long barSize, EmuContext context) {
        if (context.faults().check(Fault.VFIO_DMABUF_ZERO_LENGTH_ACCEPTED, range.length() == 0)) {
            return Result.refused(Errno.EINVAL, "zero-length range");
        }
        boolean aligned = range.offset() % PAGE == 0 && range.length() % PAGE == 0;
        if (context.faults().check(Fault.VFIO_DMABUF_UNALIGNED_ACCEPTED, !aligned)) {
            return Result.refused(Errno.EINVAL, "range not page aligned");
        }
        long end = range.offset() + range.length();
        boolean overflows = Long.compareUnsigned(end, range.offset()) < 0;
        if (overflows) {
            return context.faults().value(Fault.VFIO_DMABUF_OVERFLOW_AS_EINVAL,
                    Result.refused(Errno.EOVERFLOW, "offset + length overflows"),
                    Result.refused(Errno.EINVAL, "range past the BAR"));
        }
        long last = barSize;
        if (context.faults().inject(Fault.VFIO_DMABUF_LAST_PAGE_REFUSED)) {
            last = barSize - 1;
        }
        if (context.faults().check(Fault.VFIO_DMABUF_PAST_BAR_ACCEPTED, Long.compareUnsigned(end, last) > 0)) {
            return Result.refused(Errno.EINVAL, "range ends past the BAR (" + barSize + " bytes)");
        }
        return Result.ok(range.length());
    }
}
