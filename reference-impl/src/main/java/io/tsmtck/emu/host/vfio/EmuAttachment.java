package io.tsmtck.emu.host.vfio;

import io.tsmtck.api.dmabuf.DmaBufAttachment;
import io.tsmtck.api.dmabuf.DmaMapping;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.emu.stack.EmuContext;
import io.tsmtck.emu.faults.Fault;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** An importer's attachment: maps while the buffer is active, counts move notifications. */
final class EmuAttachment implements DmaBufAttachment {

    private final EmuDmaBuf buffer;
    private final EmuContext context;
    private final AtomicLong moves = new AtomicLong();
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
        if (buffer.isRevoked() && !context.has(Fault.DMABUF_MAP_WHILE_REVOKED)) {
            return Result.refused(Errno.ENODEV, "the dma-buf is revoked");
        }
        return Result.ok(new DmaMapping(buffer.size()));
    }

    @Override
    public long moveNotifications() {
        return moves.get();
    }

    void moveNotify() {
        moves.incrementAndGet();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            buffer.detach(this);
        }
    }
}
