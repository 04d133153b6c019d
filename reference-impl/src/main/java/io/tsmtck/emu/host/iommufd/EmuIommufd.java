package io.tsmtck.emu.host.iommufd;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.iommufd.HwInfoType;
import io.tsmtck.api.iommufd.HwptFlags;
import io.tsmtck.api.iommufd.Iommufd;
import io.tsmtck.api.iommufd.ObjectId;
import io.tsmtck.api.iommufd.TsmOpType;
import io.tsmtck.api.iommufd.ViommuType;
import io.tsmtck.api.tsm.GuestRequest;
import io.tsmtck.api.tsm.GuestResponse;
import io.tsmtck.emu.host.tsm.EmuTsmCore;
import io.tsmtck.emu.faults.Fault;
import io.tsmtck.emu.faults.ResourceLedger.Kind;
import io.tsmtck.emu.host.kvm.VmObject;
import io.tsmtck.emu.host.vfio.DeviceBinder;
import io.tsmtck.emu.host.vfio.EmuVfioDevice;
import io.tsmtck.emu.stack.EmuContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An emulated {@code /dev/iommu} (drivers/iommu/iommufd): the object table with dependencies,
 * tombstoned vdevice ids, the vIOMMU's hold on the VM, and the TSM operations on a vdevice.
 *
 * <p>Threading: every operation is atomic under the instance lock. Lock order: this lock, then a
 * VFIO device's memory lock, then the TSM core's DSM lock.
 */
public final class EmuIommufd implements Iommufd, DeviceBinder {

    private final EmuContext context;
    private final EmuTsmCore tsm;
    /** What IOMMU_GET_HW_INFO reports for the emulated IOMMU. */
    private final HwInfoType hardware;
    /** The vIOMMU type the emulated IOMMU implements. */
    private final ViommuType hardwareType;
    private final Map<ObjectId, IommufdObject> objects = new LinkedHashMap<>();
    private final Set<ObjectId> tombstones = new HashSet<>();
    private boolean closed;

    public EmuIommufd(EmuContext context, EmuTsmCore tsm, HwInfoType hardware, ViommuType hardwareType) {
        this.context = context;
        this.tsm = tsm;
        this.hardware = hardware;
        this.hardwareType = hardwareType;
    }

    @Override
    public synchronized Result<Bound> bind(EmuVfioDevice device) {
        return add(new IommufdObject.Device(device)).map(id -> new Bound() {
            @Override
            public ObjectId id() {
                return id;
            }

            @Override
            public void deviceClosing() {
                EmuIommufd.this.deviceClosing(id);
            }
        });
    }

    @Override
    public synchronized Result<ObjectId> allocIoas() {
        return live(() -> add(new IommufdObject.Ioas()));
    }

    @Override
    public synchronized Result<HwInfoType> hwInfoType(ObjectId device) {
        return live(() -> find(device, IommufdObject.Device.class).map(d -> hardware));
    }

    /** The emulated IOMMU's own vIOMMU type for it; mainline's table for any other. */
    @Override
    public Optional<ViommuType> viommuType(HwInfoType reported) {
        return reported.equals(hardware) ? Optional.of(hardwareType) : reported.mainlineViommuType();
    }

    @Override
    public synchronized Result<ObjectId> allocHwpt(ObjectId device, ObjectId ioas, int flags) {
        return live(() -> {
            if ((flags & ~HwptFlags.NEST_PARENT) != 0) {
                return Result.refused(Errno.EOPNOTSUPP, "unknown HWPT flags 0x" + Integer.toHexString(flags));
            }
            return find(device, IommufdObject.Device.class).flatMap(d -> find(ioas, IommufdObject.Ioas.class))
                    .flatMap(i -> add(new IommufdObject.Hwpt(device, ioas, (flags & HwptFlags.NEST_PARENT) != 0)));
        });
    }

    @Override
    public synchronized Result<ObjectId> allocViommu(ObjectId device, ObjectId hwpt, ViommuType type, int flags) {
        return live(() -> {
            if (context.faults().check(Fault.IOMMUFD_VIOMMU_FLAGS_IGNORED, flags != 0)) {
                return Result.refused(Errno.EOPNOTSUPP, "vIOMMU flags must be 0");
            }
            boolean known = type.equals(hardwareType);
            if (context.faults().inject(Fault.IOMMUFD_VIOMMU_DEFAULT_TYPE, type.equals(ViommuType.DEFAULT))) {
                known = true; // the defect: the default type taken for this IOMMU's
            }
            if (!known) {
                return Result.refused(Errno.EOPNOTSUPP, "vIOMMU type " + type.value() + " is not this IOMMU's");
            }
            Result<IommufdObject.Device> owner = find(device, IommufdObject.Device.class);
            Result<IommufdObject.Hwpt> parent = owner.flatMap(d -> find(hwpt, IommufdObject.Hwpt.class));
            if (!parent.isOk()) {
                return parent.map(p -> device);
            }
            if (context.faults().check(Fault.IOMMUFD_VIOMMU_NOT_NEST_PARENT, !parent.orElseThrow().nestParent())) {
                return Result.refused(Errno.EINVAL, "HWPT " + hwpt.value() + " is not a nest parent");
            }
            boolean holds = context.faults().value(Fault.IOMMUFD_VIOMMU_NOT_HOLDING_VM, true, false);
            Optional<VmObject> vm = owner.orElseThrow().vfio().kvm();
            Result<ObjectId> id = add(new IommufdObject.Viommu(hwpt, device, type, vm, holds));
            if (id.isOk() && holds) {
                vm.ifPresent(VmObject::get);
            }
            return id;
        });
    }

    @Override
    public synchronized Result<ObjectId> allocVdevice(ObjectId viommu, ObjectId device, long virtId) {
        return live(() -> {
            Result<IommufdObject.Viommu> parent = find(viommu, IommufdObject.Viommu.class);
            Result<IommufdObject.Device> owner = parent.flatMap(v -> find(device, IommufdObject.Device.class));
            if (!owner.isOk()) {
                return owner.map(o -> device);
            }
            for (IommufdObject object : objects.values()) {
                if (object instanceof IommufdObject.Vdevice other) {
                    if (context.faults().check(Fault.IOMMUFD_DUPLICATE_VIRT_ID,
                            other.viommu().equals(viommu) && other.virtId() == virtId)) {
                        return Result.refused(Errno.EEXIST, "virt_id 0x" + Long.toHexString(virtId) + " is taken");
                    }
                    if (context.faults().check(Fault.IOMMUFD_SECOND_VDEVICE, other.device().equals(device))) {
                        return Result.refused(Errno.EEXIST, "device " + device.value() + " already has a vdevice");
                    }
                }
            }
            Result<ObjectId> made = add(new IommufdObject.Vdevice(viommu, device, virtId));
            if (context.faults().inject(Fault.IOMMUFD_FAILED_VDEVICE_NOT_ABORTED, !made.isOk())) {
                add(new IommufdObject.Vdevice(viommu, device, virtId));
            }
            return made;
        });
    }

    @Override
    public synchronized Result<Done> destroy(ObjectId id) {
        return live(() -> {
            if (tombstones.contains(id)) {
                return context.faults().value(Fault.IOMMUFD_TOMBSTONE_DESTROY_OK,
                        Result.refused(Errno.ENOENT, "object " + id.value() + " was destroyed with its device"),
                        Result.done());
            }
            IommufdObject object = objects.get(id);
            if (object == null) {
                return context.faults().value(Fault.IOMMUFD_DESTROY_UNKNOWN_OK,
                        Result.refused(Errno.ENOENT, "no object " + id.value()), Result.done());
            }
            if (object instanceof IommufdObject.Device || hasDependents(id, object)) {
                return Result.refused(Errno.EBUSY, "object " + id.value() + " is in use");
            }
            remove(id, true);
            return Result.done();
        });
    }

    private boolean hasDependents(ObjectId id, IommufdObject object) {
        if (context.faults().inject(Fault.IOMMUFD_DESTROY_BUSY_VIOMMU, object instanceof IommufdObject.Viommu)) {
            return false;
        }
        if (context.faults().inject(Fault.IOMMUFD_DESTROY_BUSY_HWPT, object instanceof IommufdObject.Hwpt)) {
            return false;
        }
        return objects.values().stream().anyMatch(o -> o.dependsOn(id));
    }

    @Override
    public synchronized Result<Done> tsmOp(ObjectId vdevice, TsmOpType type, int flags) {
        return live(() -> {
            if (context.faults().check(Fault.IOMMUFD_TSM_OP_FLAGS_IGNORED, flags != 0)) {
                return Result.refused(Errno.EOPNOTSUPP, "TSM op flags must be 0");
            }
            boolean bind = isBind(type);
            if (!bind && !type.equals(TsmOpType.UNBIND)) {
                return Result.refused(Errno.EINVAL, "unknown TSM op " + type.value());
            }
            return find(vdevice, IommufdObject.Vdevice.class).flatMap(v -> {
                EmuVfioDevice device = ((IommufdObject.Device) objects.get(v.device())).vfio();
                if (!bind) {
                    return device.tsmUnbind();
                }
                Optional<VmObject> vm = ((IommufdObject.Viommu) objects.get(v.viommu())).vm();
                if (context.faults().check(Fault.IOMMUFD_TSM_BIND_WITHOUT_VM, vm.isEmpty())) {
                    return Result.refused(Errno.ENODEV, "the vIOMMU has no VM to bind to");
                }
                return device.tsmBind(vm, v.virtId());
            });
        });
    }

    @Override
    public synchronized Result<GuestResponse> tsmRequest(ObjectId vdevice, GuestRequest request, long reserved) {
        return live(() -> {
            if (context.faults().check(Fault.IOMMUFD_TSM_REQ_RESERVED_IGNORED, reserved != 0)) {
                return Result.refused(Errno.EOPNOTSUPP, "reserved must be 0");
            }
            return find(vdevice, IommufdObject.Vdevice.class).flatMap(v -> tsm.guestRequest(
                    ((IommufdObject.Device) objects.get(v.device())).vfio().address(), request));
        });
    }

    private boolean isBind(TsmOpType type) {
        if (context.faults().inject(Fault.IOMMUFD_TSM_OP_UNKNOWN_TYPE, !type.equals(TsmOpType.UNBIND))) {
            return true; // the defect: an unknown op taken for BIND
        }
        return type.equals(TsmOpType.BIND);
    }

    /**
     * The VFIO device is closing (iommufd_device_unbind()): its vdevice is tombstoned, unbinding its
     * TDI, then the device object goes; the last device of a closed fd releases the rest.
     */
    private synchronized void deviceClosing(ObjectId device) {
        boolean unbind = closed
                ? context.faults().value(Fault.IOMMUFD_CLOSED_DEVICE_CLOSE_NO_UNBIND, true, false)
                : context.faults().value(Fault.IOMMUFD_TOMBSTONE_KEEPS_BINDING, true, false);
        for (ObjectId id : new ArrayList<>(objects.keySet())) {
            if (objects.get(id) instanceof IommufdObject.Vdevice v && v.device().equals(device)) {
                remove(id, unbind);
                tombstones.add(id);
            }
        }
        if (objects.containsKey(device)) {
            remove(device, false);
        }
        if (closed && !hasDevices()) {
            context.faults().step(Fault.IOMMUFD_LAST_DEVICE_CLOSE_KEEPS_OBJECTS, this::release);
        }
    }

    /**
     * Closes the fd. A bound device holds the context (iommufd_device_bind() takes iommufd_ctx_get()),
     * so the objects are released here only when no device is bound, else at the last device's close.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (!hasDevices()) {
                context.faults().step(Fault.IOMMUFD_CLOSE_KEEPS_OBJECTS, this::release);
                return;
            }
        }
        if (context.faults().inject(Fault.IOMMUFD_CLOSE_TEARS_DOWN_AT_ONCE)) {
            List<EmuVfioDevice> detached;
            synchronized (this) {
                detached = objects.values().stream().filter(IommufdObject.Device.class::isInstance)
                        .map(o -> ((IommufdObject.Device) o).vfio()).toList();
                release();
            }
            detached.forEach(EmuVfioDevice::iommufdClosed);
        }
    }

    private boolean hasDevices() {
        return objects.values().stream().anyMatch(IommufdObject.Device.class::isInstance);
    }

    /** iommufd_fops_release(): destroys every object, dependants first. */
    private void release() {
        for (Class<?> kind : List.of(IommufdObject.Vdevice.class, IommufdObject.Viommu.class,
                IommufdObject.Hwpt.class, IommufdObject.Ioas.class, IommufdObject.Device.class)) {
            for (ObjectId id : new ArrayList<>(objects.keySet())) {
                if (kind.isInstance(objects.get(id))) {
                    remove(id, true);
                }
            }
        }
    }

    /** Removes an object and undoes what it held: a vdevice's binding, a vIOMMU's VM reference. */
    private void remove(ObjectId id, boolean unbind) {
        IommufdObject object = objects.remove(id);
        if (object instanceof IommufdObject.Vdevice v && unbind) {
            EmuVfioDevice device = ((IommufdObject.Device) objects.get(v.device())).vfio();
            context.faults().step(Fault.IOMMUFD_VDEVICE_DESTROY_NO_UNBIND, device::tsmUnbind);
        }
        if (object instanceof IommufdObject.Viommu v && v.holdsVm()) {
            v.vm().ifPresent(VmObject::put);
        }
        context.ledger().free(Kind.IOMMUFD_OBJECT);
    }

    private Result<ObjectId> add(IommufdObject object) {
        return context.ledger().allocate(Kind.IOMMUFD_OBJECT, () -> {
            ObjectId id = new ObjectId(nextFreeId());
            objects.put(id, object);
            return Result.ok(id);
        });
    }

    /**
     * The lowest free id, as {@code xa_alloc()} in {@code _iommufd_object_alloc()} hands them out:
     * a destroyed object's id is reused, a tombstone's is held until the iommufd is closed.
     */
    private long nextFreeId() {
        long id = 1;
        while (objects.containsKey(new ObjectId(id))
                || context.faults().check(Fault.IOMMUFD_TOMBSTONE_ID_REUSED, tombstones.contains(new ObjectId(id)))) {
            id++;
        }
        tombstones.remove(new ObjectId(id));
        return id;
    }

    private <T extends IommufdObject> Result<T> find(ObjectId id, Class<T> kind) {
        IommufdObject object = objects.get(id);
        if (!kind.isInstance(object)) {
            if (context.faults().inject(Fault.IOMMUFD_WRONG_TYPE_EINVAL, object != null)) {
                return Result.refused(Errno.EINVAL, "object " + id.value() + " is not a " + kind.getSimpleName());
            }
            return Result.refused(Errno.ENOENT, "no " + kind.getSimpleName() + " with id " + id.value());
        }
        return Result.ok(kind.cast(object));
    }

    private <T> Result<T> live(Supplier<Result<T>> action) {
        if (closed) {
            return Result.refused(Errno.ENODEV, "the iommufd is closed");
        }
        return action.get();
    }
}
