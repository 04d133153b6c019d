package io.tsmtck.emu.host.vfio;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.vfio.Mmap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** A BAR mmap; zapped while memory decode is off. */
final class EmuMmap implements Mmap {

    private final Consumer<EmuMmap> unmap;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean zapped;

    EmuMmap(boolean zapped, Consumer<EmuMmap> unmap) {
        this.zapped = zapped;
        this.unmap = unmap;
    }

    @Override
    public Result<Done> access() {
        if (closed.get()) {
            return Result.refused(Errno.EFAULT, "unmapped");
        }
        return zapped ? Result.refused(Errno.EFAULT, "the BAR's PTEs are zapped (memory decode is off): SIGBUS")
                : Result.done();
    }

    void zap(boolean value) {
        zapped = value;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            unmap.accept(this);
        }
    }
}
