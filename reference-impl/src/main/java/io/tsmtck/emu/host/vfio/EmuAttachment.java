package io.tsmtck.emu.host.vfio;

import io.tsmtck.api.dmabuf.DmaBufAttachment;
import io.tsmtck.api.dmabuf.DmaMapping;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.emu.faults.Fault;
import io.tsmtck.emu.stack.EmuContext;
import java.util.concurrent.atomic.AtomicBoolean;

/** An importer's attachment: maps while the buffer is active, and loses its mapping at a revoke. */
final class EmuAttachment implements DmaBufAttachment {

    private final EmuDmaBuf buffer;
    private final EmuContext context;
    private volatile boolean mapped;
    private final AtomicBoolean closed = new AtomicBoolean();

    EmuAttachment(EmuDmaBuf buffer, EmuContext context) {
        this.buffer = buffer;
        this.context = context;
    }

    @Override
    public Result<DmaMapping> map() {
        if (closed.get()) {
            return Result.refused(Errno.ENODEV, "detached");
        }
        if (context.faults().check(Fault.DMABUF_MAP_WHILE_REVOKED, buffer.isRevoked())) {
            return Result.refused(Errno.ENODEV, "the dma-buf is revoked");
        }
        mapped = true;
        return Result.ok(new DmaMapping(buffer.size()));
    }

    @Override
    public boolean isMapped() {
        return mapped && !closed.get();
    }

    /** The exporter revoked the buffer: the importer drops its mapping (move_notify, then unmap). */
    void revoked() {
        mapped = false;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            buffer.detach(this);
        }
    }
}
