package io.tsmtck.emu.host.vfio;

import io.tsmtck.api.dmabuf.DmaBuf;
import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.iommufd.ObjectId;
import io.tsmtck.api.topology.Bar;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.tsm.TsmContextState;
import io.tsmtck.api.vfio.ConfigRegister;
import io.tsmtck.api.vfio.ConfigSpace;
import io.tsmtck.api.vfio.DmaBufRequest;
import io.tsmtck.api.vfio.Mmap;
import io.tsmtck.api.vfio.Region;
import io.tsmtck.api.vfio.VfioDevice;
import io.tsmtck.emu.device.EmuDevice;
import io.tsmtck.emu.faults.Fault;
import io.tsmtck.emu.host.pci.EmuResetMethods;
import io.tsmtck.emu.faults.ResourceLedger.Kind;
import io.tsmtck.emu.host.kvm.VmObject;
import io.tsmtck.emu.host.tsm.EmuTsmCore;
import io.tsmtck.emu.stack.EmuContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * An open VFIO PCI device (drivers/vfio/pci/vfio_pci_core.c, vfio_pci_dmabuf.c) in front of an
 * emulated function. It owns the function's mmaps and dma-bufs and guards them with
 * {@code memory_lock}; it is where the January 2025 dri-devel message puts the device-side duties of
 * a bind: refuse while BARs are mapped, revoke every dma-buf under the memory lock, bind, restore
 * only if memory decode is still on.
 *
 * <p>Lock order: memory lock, then the TSM core's DSM lock, then the device.
 */
public final class EmuVfioDevice implements VfioDevice {

    /** VFIO_PCI_ROM_REGION_INDEX: the regions below it are BARs 0-5. */
    private static final int BAR_REGIONS = 6;
    private static final long PAGE = 4096;
    private static final long CONFIG_SIZE = 4096;

    private final PciFunction function;
    private final EmuDevice device;
    private final EmuTsmCore tsm;
    private final EmuContext context;
    private final Runnable release;
    private final ReentrantReadWriteLock memoryLock = new ReentrantReadWriteLock();
    private final List<EmuMmap> mmaps = new ArrayList<>();
    private final List<EmuDmaBuf> dmabufs = new ArrayList<>();
    private final VfioConfigSpace config = new VfioConfigSpace(this);
    private Optional<VmObject> kvm;
    private Optional<DeviceBinder.Bound> iommufd = Optional.empty();
    private ObjectId deviceId;
    private final EmuResetMethods resetMethods;
    /** vfio_pci_core_enable(): whether the reset at open worked, which VFIO_DEVICE_RESET needs. */
    private final boolean resetWorks;
    private boolean lowPower;
    private volatile boolean closed;

    EmuVfioDevice(PciFunction function, EmuDevice device, EmuTsmCore tsm, EmuContext context,
                  Optional<VmObject> kvm, Runnable release, EmuResetMethods resetMethods) {
        this.function = function;
        this.device = device;
        this.tsm = tsm;
        this.context = context;
        this.kvm = kvm;
        this.release = release;
        this.resetMethods = resetMethods;
        this.resetWorks = resetMethods.canReset(function.address());
        device.writeConfig(address(), ConfigRegister.COMMAND, ConfigRegister.COMMAND_MEMORY_SPACE);
    }

    @Override
    public PciAddress address() {
        return function.address();
    }

    @Override
    /**
     * vfio_pci_ioctl_get_region_info(): a BAR has its size and MMAP when it is implemented (every
     * emulated BAR is memory, at least a page); the config region is the PCIe config space.
     */
    public List<Region> regions() {
        List<Region> regions = new ArrayList<>();
        for (int index = 0; index < BAR_REGIONS; index++) {
            long size = bar(index).map(Bar::size).orElse(0L);
            boolean mmapable = context.faults().value(Fault.VFIO_REGION_EVERY_BAR_MMAPABLE, size > 0, true);
            regions.add(new Region(index, size, mmapable));
        }
        regions.add(new Region(Region.ROM_INDEX, 0, false));
        regions.add(new Region(Region.CONFIG_INDEX,
                context.faults().value(Fault.VFIO_REGION_CONFIG_LEGACY_SIZE, CONFIG_SIZE, 256L), false));
        return regions;
    }

    private Optional<Bar> bar(int index) {
        return function.bars().stream().filter(b -> b.index() == index).findFirst();
    }

    @Override
    public Result<Mmap> mmap(int region, long offset, long length) {
        return underMemoryLock(() -> {
            if (offset < 0 || length <= 0 || context.faults().check(Fault.VFIO_MMAP_UNALIGNED, offset % PAGE != 0)) {
                return Result.refused(Errno.EINVAL, "mmap() needs a page-aligned offset and a length, not "
                        + offset + "+" + length);
            }
            Optional<Bar> bar = bar(region);
            if (context.faults().check(Fault.VFIO_MMAP_ANY_REGION, bar.isEmpty())) {
                return Result.refused(Errno.EINVAL, "region " + region + " of " + address()
                        + " is not an implemented BAR; only BARs 0-5 can be mmapped");
            }
            long physLength = bar.map(Bar::size).orElse(PAGE); // a page of any region, under the fault
            if (context.faults().check(Fault.VFIO_MMAP_PAST_BAR_END, offset + length > physLength)) {
                return Result.refused(Errno.EINVAL, "offset " + offset + " + length " + length + " is past the end of"
                        + " BAR" + region + " (" + physLength + " bytes)");
            }
            if (context.faults().check(Fault.VFIO_MMAP_WHILE_BOUND, isBound())) {
                return Result.refused(Errno.EPERM, "the TDI is bound: its MMIO is private");
            }
            return context.ledger().allocate(Kind.MMAP, () -> {
                EmuMmap mmap = new EmuMmap(!memoryEnabled(), this::unmap);
                mmaps.add(mmap);
                return Result.ok(context.handles().track(mmap));
            });
        });
    }

    private void unmap(EmuMmap mmap) {
        memoryLock.writeLock().lock();
        try {
            if (mmaps.remove(mmap)) {
                context.ledger().free(Kind.MMAP);
            }
        } finally {
            context.faults().step(Fault.VFIO_MUNMAP_KEEPS_MEMORY_LOCK, memoryLock.writeLock()::unlock);
        }
    }

    @Override
    public ConfigSpace config() {
        return config;
    }

    /**
     * A config write as VFIO passes it through: memory decode changes revoke or restore MMIO access;
     * Initiate FLR is virtualized (vfio_exp_config_write()): the rest of the write goes to the device,
     * then, when Device Capabilities has FLR, the function is reset as VFIO_DEVICE_RESET resets it
     * (no reset_works check).
     */
    Result<Done> writeConfig(ConfigRegister register, int value) {
        boolean initiateFlr = context.faults().value(Fault.VFIO_DEVICE_CONTROL_WRITE_RESETS,
                (value & ConfigRegister.DEVICE_CONTROL_INITIATE_FLR) != 0, true);
        if (context.faults().check(Fault.VFIO_CONFIG_FLR_PASSED_THROUGH,
                register == ConfigRegister.DEVICE_CONTROL && initiateFlr)) {
            return underMemoryLock(() -> {
                device.writeConfig(address(), register, value & ~ConfigRegister.DEVICE_CONTROL_INITIATE_FLR);
                if ((readConfig(ConfigRegister.DEVICE_CAPABILITIES) & ConfigRegister.DEVICE_CAPABILITIES_FLR) != 0) {
                    resetLocked();
                }
                return Result.done();
            });
        }
        return underMemoryLock(() -> {
            boolean wasEnabled = memoryEnabled();
            device.writeConfig(address(), register, value);
            boolean enabled = memoryEnabled();
            if (wasEnabled && !enabled) {
                context.faults().step(Fault.VFIO_MSE_CLEAR_NO_ZAP, () -> mmaps.forEach(m -> m.zap(true)));
                context.faults().step(Fault.VFIO_MSE_CLEAR_NO_REVOKE, () -> dmabufs.forEach(EmuDmaBuf::revoke));
            } else if (!wasEnabled && enabled && !lowPower) {
                context.faults().step(Fault.VFIO_MSE_SET_LEAVES_MMAPS_ZAPPED, () -> mmaps.forEach(m -> m.zap(false)));
                context.faults().step(Fault.VFIO_MSE_SET_NO_RESTORE, () -> dmabufs.forEach(EmuDmaBuf::restore));
            }
            return Result.done();
        });
    }

    /** A config read as VFIO passes it through: Device Capabilities is the device's, not virtualized. */
    int readConfig(ConfigRegister register) {
        int value = device.readConfig(address(), register);
        if (context.faults().inject(Fault.VFIO_CONFIG_HIDES_FLR_CAPABILITY,
                register == ConfigRegister.DEVICE_CAPABILITIES)) {
            return value & ~ConfigRegister.DEVICE_CAPABILITIES_FLR;
        }
        return value;
    }

    /** vfio_pci_runtime_pm_entry(): zap the mmaps and revoke the dma-bufs, then let the device sleep. */
    @Override
    public Result<Done> lowPowerEntry() {
        return underMemoryLock(() -> {
            if (lowPower) {
                return Result.refused(Errno.EINVAL, address() + " is in low power already");
            }
            mmaps.forEach(m -> m.zap(true));
            context.faults().step(Fault.VFIO_LOW_POWER_NO_REVOKE, () -> dmabufs.forEach(EmuDmaBuf::revoke));
            lowPower = true;
            return Result.done();
        });
    }

    /** vfio_pci_runtime_pm_exit(): awake again; MMIO access comes back only with memory decode on. */
    @Override
    public Result<Done> lowPowerExit() {
        return underMemoryLock(() -> {
            if (lowPower && memoryEnabled()) {
                mmaps.forEach(m -> m.zap(false));
                dmabufs.forEach(EmuDmaBuf::restore);
            }
            lowPower = false;
            return Result.done();
        });
    }

    /** vfio_pci_ioctl_reset(): refused before anything is touched unless the reset at open worked. */
    @Override
    public Result<Done> reset() {
        if (context.faults().inject(Fault.VFIO_RESET_REFUSED_AFTER_REVOKE, !resetWorks)) {
            underMemoryLock(() -> {
                dmabufs.forEach(EmuDmaBuf::revoke);
                return Result.done();
            });
        }
        if (context.faults().check(Fault.VFIO_RESET_WITHOUT_METHOD_DONE, !resetWorks)) {
            return Result.refused(Errno.EINVAL, address() + " has no reset method (VFIO_DEVICE_FLAGS_RESET is clear)");
        }
        return underMemoryLock(this::resetLocked);
    }

    /**
     * VFIO_DEVICE_PCI_HOT_RESET (vfio_pci_dev_set_hot_reset()): the dma-bufs revoked and the mmaps zapped
     * under memory_lock, a secondary bus reset of the device (every TDI to CONFIG_UNLOCKED, the
     * configuration saved and restored around it), then the dma-bufs restored when memory decode is on.
     * The emulated dev_set is this device's functions, the others of which the test does not open.
     */
    @Override
    public Result<Done> hotReset() {
        return underMemoryLock(() -> {
            context.faults().step(Fault.VFIO_HOT_RESET_NO_REVOKE, () -> dmabufs.forEach(EmuDmaBuf::revoke));
            mmaps.forEach(m -> m.zap(true));
            device.secondaryBusReset();
            if (memoryEnabled()) {
                mmaps.forEach(m -> m.zap(false));
                context.faults().step(Fault.VFIO_HOT_RESET_NO_RESTORE, () -> dmabufs.forEach(EmuDmaBuf::restore));
            }
            return Result.done();
        });
    }

    /** Revoke and zap, pci_try_reset_function() (nothing without a reset method), restore. */
    private Result<Done> resetLocked() {
        int command = device.readConfig(address(), ConfigRegister.COMMAND);
        context.faults().step(Fault.VFIO_RESET_NO_REVOKE, () -> dmabufs.forEach(EmuDmaBuf::revoke));
        mmaps.forEach(m -> m.zap(true));
        if (resetMethods.canReset(address())) {
            device.functionLevelReset(address());
            device.writeConfig(address(), ConfigRegister.COMMAND, command); // pci_restore_state()
        }
        if (memoryEnabled()) {
            context.faults().step(Fault.VFIO_RESET_LEAVES_MMAPS_ZAPPED, () -> mmaps.forEach(m -> m.zap(false)));
            dmabufs.forEach(EmuDmaBuf::restore);
        }
        return Result.done();
    }

    @Override
    public Result<DmaBuf> exportDmaBuf(DmaBufRequest request) {
        return DmaBufValidation.validate(request, this::bar, context).flatMap(size -> underMemoryLock(
                () -> context.ledger().allocate(Kind.DMABUF, () -> {
                    boolean revoked = context.faults().check(Fault.VFIO_DMABUF_ACTIVE_WITHOUT_MSE, !memoryEnabled());
                    EmuDmaBuf buffer = new EmuDmaBuf(size, revoked, this::isBound, context);
                    dmabufs.add(buffer);
                    return Result.ok(context.handles().track(buffer));
                })));
    }

    /** Makes the device an object of {@code binder}'s iommufd (the second half of BIND_IOMMUFD). */
    Result<VfioDevice> attach(DeviceBinder binder) {
        return underMemoryLock(() -> binder.bind(this).map(bound -> {
            this.iommufd = Optional.of(bound);
            this.deviceId = bound.id();
            return this;
        }));
    }

    @Override
    public ObjectId deviceId() {
        return deviceId;
    }

    /** The iommufd released its objects while the device was bound to it: the device object is gone. */
    public void iommufdClosed() {
        memoryLock.writeLock().lock();
        try {
            iommufd = Optional.empty();
        } finally {
            memoryLock.writeLock().unlock();
        }
    }

    /** The VM associated with the device, for a vIOMMU allocated for it. */
    public Optional<VmObject> kvm() {
        memoryLock.readLock().lock();
        try {
            return kvm;
        } finally {
            memoryLock.readLock().unlock();
        }
    }

    /**
     * Binds the TDI (the VFIO half of {@code IOMMU_VDEVICE_TSM_OP} BIND): refused while BARs are
     * mmapped; every dma-buf revoked around the TSM bind under the memory lock; restored afterwards
     * only if memory decode is still enabled.
     */
    public Result<Done> tsmBind(Optional<VmObject> vm, long tdiId) {
        return underMemoryLock(() -> {
            if (context.faults().inject(Fault.VFIO_REFUSED_BIND_KEEPS_REVOKE)) {
                dmabufs.forEach(EmuDmaBuf::revoke);
            }
            if (context.faults().inject(Fault.VFIO_REFUSED_BIND_KEEPS_TDI, !mmaps.isEmpty())) {
                tsm.bindVm(address(), vm, tdiId);
            }
            if (context.faults().check(Fault.VFIO_BIND_WHILE_MAPPED, !mmaps.isEmpty())) {
                return Result.refused(Errno.EBUSY, mmaps.size() + " BAR mmap(s) of " + address()
                        + " are still mapped; unmap before bind");
            }
            context.faults().step(Fault.VFIO_BIND_NO_REVOKE, () -> dmabufs.forEach(EmuDmaBuf::revoke));
            Result<Done> bound = tsm.bindVm(address(), vm, tdiId);
            if (context.faults().inject(Fault.VFIO_FAILED_BIND_KEEPS_REVOKED, !bound.isOk())) {
                return bound;
            }
            if (context.faults().value(Fault.VFIO_BIND_RESTORE_WITHOUT_MSE, memoryEnabled(), true)) {
                context.faults().step(Fault.VFIO_BIND_NO_RESTORE, () -> dmabufs.forEach(EmuDmaBuf::restore));
            }
            if (context.faults().inject(Fault.VFIO_BIND_RESTORES_LATER_WITHOUT_MSE, !memoryEnabled())) {
                dmabufs.forEach(EmuDmaBuf::restoreAfterNextRefusal);
            }
            return bound;
        });
    }

    /** Unbinds the TDI (TSM op UNBIND, vdevice destroy); also while the device is closing. */
    public Result<Done> tsmUnbind() {
        memoryLock.writeLock().lock();
        try {
            return tsm.unbind(address());
        } finally {
            memoryLock.writeLock().unlock();
        }
    }

    private boolean isBound() {
        return tsm.state(address()) == TsmContextState.BOUND;
    }

    private boolean memoryEnabled() {
        return (device.readConfig(address(), ConfigRegister.COMMAND) & ConfigRegister.COMMAND_MEMORY_SPACE) != 0;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /**
     * Unbinds (through the iommufd, destroying the vdevice) before the device is disabled, so that
     * clearing MSE/BME cannot drive the TDI to ERROR; then revokes every dma-buf for good, drops the
     * mmaps and the VM.
     */
    @Override
    public void close() {
        Optional<DeviceBinder.Bound> bound;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            bound = iommufd;
        }
        context.faults().step(Fault.VFIO_CLOSE_NO_UNBIND, () -> bound.ifPresent(DeviceBinder.Bound::deviceClosing));
        memoryLock.writeLock().lock();
        try {
            device.writeConfig(address(), ConfigRegister.COMMAND, 0);
            context.faults().step(Fault.VFIO_CLOSE_NO_REVOKE, () -> dmabufs.forEach(EmuDmaBuf::revokeForGood));
            dmabufs.clear();
            mmaps.forEach(m -> context.ledger().free(Kind.MMAP));
            mmaps.clear();
            kvm.ifPresent(VmObject::put);
            kvm = Optional.empty();
            iommufd = Optional.empty();
        } finally {
            memoryLock.writeLock().unlock();
        }
        release.run();
    }

    private <T> Result<T> underMemoryLock(Supplier<Result<T>> action) {
        memoryLock.writeLock().lock();
        try {
            if (closed) {
                return Result.refused(Errno.ENODEV, address() + ": the VFIO device is closed");
            }
            return action.get();
        } finally {
            memoryLock.writeLock().unlock();
        }
    }
}
