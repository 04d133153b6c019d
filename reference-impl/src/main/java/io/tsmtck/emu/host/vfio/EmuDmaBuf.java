package io.tsmtck.emu.host.vfio;

import io.tsmtck.api.dmabuf.DmaBuf;
import io.tsmtck.api.dmabuf.DmaBufAttachment;
import io.tsmtck.api.dmabuf.Importer;
import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.emu.faults.Fault;
import io.tsmtck.emu.faults.ResourceLedger.Kind;
import io.tsmtck.emu.stack.EmuContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A dma-buf of VFIO MMIO ({@code struct vfio_pci_dma_buf}): revoked or not, revoked for good once
 * its device is closed, and private (host CPU access refused) while the device's TDI is bound.
 * Revoke and restore are called by {@link EmuVfioDevice} with its memory lock held for write, and
 * notify every attachment ({@code dma_buf_move_notify()}).
 *
 * <p>Threading: state changes synchronise on the buffer.
 */
final class EmuDmaBuf implements DmaBuf {

    private final long size;
    private final EmuContext context;
    private final BooleanSupplier privateMmio;
    private final List<EmuAttachment> attachments = new ArrayList<>();
    private boolean revoked;
    private boolean revokedForGood;
    /** A restore deferred to the next refused attach: fault-only state (VFIO_BIND_RESTORES_LATER_WITHOUT_MSE). */
    private boolean restoreAfterRefusal;
    private boolean closed;

    EmuDmaBuf(long size, boolean revoked, BooleanSupplier privateMmio, EmuContext context) {
        this.size = size;
        this.revoked = revoked;
        this.privateMmio = privateMmio;
        this.context = context;
    }

    @Override
    public long size() {
        return size;
    }

    synchronized boolean isRevoked() {
        return revoked;
    }

    @Override
    public synchronized Result<DmaBufAttachment> attach(Importer importer) {
        if (closed) {
            return Result.refused(Errno.ENODEV, "the dma-buf is closed");
        }
        if (context.faults().check(Fault.DMABUF_ATTACH_WITHOUT_P2P, !importer.peerToPeer())) {
            return Result.refused(Errno.EOPNOTSUPP, "MMIO can only be imported by a peer-to-peer capable importer");
        }
        if (context.faults().check(Fault.DMABUF_ATTACH_WHILE_REVOKED, revoked)) {
            if (restoreAfterRefusal) {
                restoreAfterRefusal = false;
                restore();
            }
            return Result.refused(Errno.ENODEV, "the dma-buf is revoked");
        }
        return context.ledger().allocate(Kind.DMABUF_ATTACHMENT, () -> {
            EmuAttachment attachment = new EmuAttachment(this, context);
            attachments.add(attachment);
            return Result.ok(attachment);
        });
    }

    @Override
    public Result<Done> cpuAccess() {
        if (context.faults().inject(Fault.DMABUF_CPU_ACCESS_PRIVATE, privateMmio.getAsBoolean())) {
            return Result.done();
        }
        // vfio_pci_dmabuf_ops has no mmap op, so dma_buf_mmap_internal() refuses every mapping
        return Result.refused(Errno.EINVAL, "vfio-pci's dma-buf cannot be mapped by the host CPU (no mmap op)");
    }

    /** {@code vfio_pci_dma_buf_move(vdev, true)} for this buffer. */
    synchronized void revoke() {
        move(true);
    }

    /** {@code vfio_pci_dma_buf_move(vdev, false)} for this buffer, unless revoked for good. */
    synchronized void restore() {
        if (!revokedForGood) {
            move(false);
        }
    }

    /**
     * Restores the buffer just after the next attach it refuses: a restore that comes later than
     * the call that caused it, seen by a watch and missed by a single look.
     */
    synchronized void restoreAfterNextRefusal() {
        restoreAfterRefusal = true;
    }

    /** The device is closing: revoked, and never restored. */
    synchronized void revokeForGood() {
        move(true);
        revokedForGood = true;
    }

    private void move(boolean revoke) {
        if (revoked == revoke) {
            return;
        }
        revoked = revoke;
        if (context.faults().check(Fault.DMABUF_NO_MOVE_NOTIFY, revoke)) {
            attachments.forEach(EmuAttachment::revoked);
        }
    }

    synchronized void detach(EmuAttachment attachment) {
        if (attachments.remove(attachment)) {
            context.ledger().free(Kind.DMABUF_ATTACHMENT);
        }
    }

    @Override
    public void close() {
        List<EmuAttachment> open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = List.copyOf(attachments);
        }
        open.forEach(EmuAttachment::close);
        context.ledger().free(Kind.DMABUF);
    }
}
