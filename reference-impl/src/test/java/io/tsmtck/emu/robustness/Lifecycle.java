package io.tsmtck.emu.robustness;

import io.tsmtck.api.HostStack;
import io.tsmtck.api.dmabuf.DmaBuf;
import io.tsmtck.api.dmabuf.Importer;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.iommufd.HwptFlags;
import io.tsmtck.api.iommufd.Iommufd;
import io.tsmtck.api.iommufd.ObjectId;
import io.tsmtck.api.iommufd.TsmOpType;
import io.tsmtck.api.tdisp.StartInterfaceRequest;
import io.tsmtck.api.tdisp.TdispHeader;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.tsm.GuestRequest;
import io.tsmtck.api.tsm.GuestRequestScope;
import io.tsmtck.api.vfio.DmaBufRequest;
import io.tsmtck.api.vfio.VfioCdev;
import io.tsmtck.api.vfio.VfioDevice;
import io.tsmtck.api.vm.Vm;
import io.tsmtck.api.vm.VmType;
import io.tsmtck.api.wire.ByteString;
import java.util.Optional;

/**
 * A whole assignment of one function through the uAPIs, stopping at the first refusal as a VMM
 * would: connect, open, VM, iommufd chain, dma-buf, bind, guest start, unbind. Used by the fail-nth
 * sweep and the concurrency tests.
 */
final class Lifecycle {

    private Lifecycle() {
    }

    /** Runs the lifecycle; returns the step that was refused, if any. */
    static Optional<String> run(HostStack stack, PciFunction function, long virtId) {
        Result<?> connected = stack.tsm().connect(function.dsm(), "tsm0");
        if (!connected.isOk() && stack.tsm().connectedTsm(function.dsm()).isEmpty()) {
            return Optional.of("connect");
        }
        Result<VfioCdev> vfio = stack.vfio().open(function.address());
        if (!vfio.isOk()) {
            return Optional.of("open");
        }
        try (VfioCdev cdev = vfio.orElseThrow()) {
            return assign(stack, cdev, function, virtId);
        }
    }

    private static Optional<String> assign(HostStack stack, VfioCdev cdev, PciFunction function, long virtId) {
        Result<Vm> vm = stack.kvm().createVm(VmType.CONFIDENTIAL);
        if (!vm.isOk()) {
            return Optional.of("create VM");
        }
        try (Vm handle = vm.orElseThrow(); Iommufd iommufd = stack.openIommufd()) {
            if (!cdev.associateVm(handle).isOk()) {
                return Optional.of("associate VM");
            }
            Result<VfioDevice> bound = cdev.bindIommufd(iommufd);
            if (!bound.isOk()) {
                return Optional.of("bind iommufd");
            }
            VfioDevice device = bound.orElseThrow();
            Result<ObjectId> dev = Result.ok(device.deviceId());
            Result<ObjectId> ioas = dev.flatMap(d -> iommufd.allocIoas());
            Result<ObjectId> hwpt = ioas.flatMap(i -> iommufd.allocHwpt(dev.orElseThrow(), i, HwptFlags.NEST_PARENT));
            Result<ObjectId> viommu = hwpt.flatMap(h -> iommufd.hwInfoType(dev.orElseThrow())
                    .map(hw -> iommufd.viommuType(hw).orElseThrow())
                    .flatMap(type -> iommufd.allocViommu(dev.orElseThrow(), h, type, 0)));
            Result<ObjectId> vdevice = viommu.flatMap(v -> iommufd.allocVdevice(v, dev.orElseThrow(), virtId));
            if (!vdevice.isOk()) {
                return Optional.of("iommufd chain");
            }
            Result<DmaBuf> buffer = device.exportDmaBuf(DmaBufRequest.of(0, 0, 4096));
            if (!buffer.isOk() || !buffer.orElseThrow().attach(Importer.peerToPeerCapable()).isOk()) {
                return Optional.of("dma-buf");
            }
            ObjectId v = vdevice.orElseThrow();
            if (!iommufd.tsmOp(v, TsmOpType.BIND, 0).isOk()) {
                return Optional.of("bind");
            }
            ByteString start = new StartInterfaceRequest(TdispHeader.v10(function.interfaceId()),
                    ByteString.zeros(32)).encode();
            if (!iommufd.tsmRequest(v, new GuestRequest(GuestRequestScope.STATE_CHANGE, start), 0).isOk()) {
                return Optional.of("guest start");
            }
            return iommufd.tsmOp(v, TsmOpType.UNBIND, 0).isOk() ? Optional.empty() : Optional.of("unbind");
        }
    }
}
