package io.tsmtck.tck.host;

import io.tsmtck.api.HostStack;
import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.iommufd.HwptFlags;
import io.tsmtck.api.iommufd.Iommufd;
import io.tsmtck.api.iommufd.ObjectId;
import io.tsmtck.api.iommufd.TsmOpType;
import io.tsmtck.api.iommufd.ViommuType;
import io.tsmtck.api.tdisp.StartInterfaceRequest;
import io.tsmtck.api.tdisp.TdispHeader;
import io.tsmtck.api.tdisp.TdispMessage;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.tsm.GuestRequest;
import io.tsmtck.api.tsm.GuestRequestScope;
import io.tsmtck.api.tsm.GuestResponse;
import io.tsmtck.api.vfio.VfioCdev;
import io.tsmtck.api.vfio.VfioDevice;
import io.tsmtck.api.vm.Vm;
import io.tsmtck.api.vm.VmType;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.setup.Setup;
import java.util.Optional;

/**
 * One function assigned to a VM the way a VMM does it through the uAPIs: DSM connected, VFIO
 * device open and associated with the VM, iommufd with IOAS -> nest-parent HWPT -> vIOMMU ->
 * vdevice. {@link #bind()} is then the one coarse TSM verb.
 */
public final class Assignment {

    /** The guest's id for the device (virtual BDF 00:01.0). */
    public static final long VIRT_ID = 0x0008;

    private final HostSut sut;
    private final PciFunction function;
    private final VfioCdev cdev;
    private final VfioDevice vfio;
    private final Optional<Vm> vm;
    private final Iommufd iommufd;
    private final ObjectId device;
    private final ObjectId ioas;
    private final ObjectId hwpt;
    private final ObjectId viommu;
    private final ObjectId vdevice;

    private Assignment(HostSut sut, PciFunction function, Optional<Vm> vm) {
        this.sut = sut;
        this.function = function;
        this.vm = vm;
        HostStack stack = sut.stack();
        this.cdev = sut.openCdev(function);
        vm.ifPresent(v -> Setup.require(cdev.associateVm(v), "associate the VM with " + function.address()));
        this.iommufd = stack.openIommufd();
        this.vfio = sut.bind(cdev, iommufd, function);
        this.device = vfio.deviceId();
        this.ioas = Setup.require(iommufd.allocIoas(), "IOMMU_IOAS_ALLOC");
        this.hwpt = Setup.require(iommufd.allocHwpt(device, ioas, HwptFlags.NEST_PARENT), "IOMMU_HWPT_ALLOC");
        ViommuType type = ViommuTypes.of(iommufd, device);
        this.viommu = Setup.require(iommufd.allocViommu(device, hwpt, type, 0), "IOMMU_VIOMMU_ALLOC");
        this.vdevice = Setup.require(iommufd.allocVdevice(viommu, device, VIRT_ID), "IOMMU_VDEVICE_ALLOC");
    }

    static Assignment of(HostSut sut, PciFunction function, Optional<VmType> type) {
        if (sut.stack().tsm().connectedTsm(function.dsm()).isEmpty()) {
            Setup.require(sut.stack().tsm().connect(function.dsm(), sut.tsmName()), "connect " + function.dsm());
        }
        Optional<Vm> vm = type.map(t -> Setup.require(sut.stack().kvm().createVm(t), "KVM_CREATE_VM " + t));
        return new Assignment(sut, function, vm);
    }

    public PciFunction function() {
        return function;
    }

    /** The cdev file the device was bound through (on Linux the same fd as {@link #vfio()}). */
    public VfioCdev cdev() {
        return cdev;
    }

    public VfioDevice vfio() {
        return vfio;
    }

    /** The VM; the test must have asked for one. */
    public Vm vm() {
        return vm.orElseThrow(() -> new IllegalStateException("this assignment has no VM"));
    }

    public Iommufd iommufd() {
        return iommufd;
    }

    public ObjectId device() {
        return device;
    }

    /** The IOAS the HWPT takes its mappings from. */
    public ObjectId ioas() {
        return ioas;
    }

    public ObjectId hwpt() {
        return hwpt;
    }

    public ObjectId viommu() {
        return viommu;
    }

    public ObjectId vdevice() {
        return vdevice;
    }

    /** {@code IOMMU_VDEVICE_TSM_OP} BIND. */
    public Result<Done> bind() {
        return iommufd.tsmOp(vdevice, TsmOpType.BIND, 0);
    }

    /** {@link #bind()}, which the test needs to succeed. */
    public Assignment bound() {
        Setup.require(bind(), "IOMMU_VDEVICE_TSM_OP BIND of " + function.address());
        return this;
    }

    /** {@code IOMMU_VDEVICE_TSM_OP} UNBIND. */
    public Result<Done> unbind() {
        return iommufd.tsmOp(vdevice, TsmOpType.UNBIND, 0);
    }

    /** A guest request in the kit's portable format: {@code message} relayed with {@code scope}. */
    public Result<GuestResponse> guest(GuestRequestScope scope, TdispMessage message) {
        Result<GuestResponse> response = iommufd.tsmRequest(vdevice, new GuestRequest(scope, message.encode()), 0);
        if (response instanceof Result.Ok<GuestResponse> ok && ok.value().error().isEmpty()) {
            sut.confirmed(function, Optional.of(ok.value().payload()), "to the guest's " + message.type()
                    + " relayed by the TSM");
        }
        return response;
    }

    /** The guest asks to start the interface (STATE_CHANGE, START with the nonce left to the TSM). */
    public Result<GuestResponse> guestStart() {
        return guest(GuestRequestScope.STATE_CHANGE, new StartInterfaceRequest(header(), ByteString.zeros(32)));
    }

    /** A TDISP header for this function's TDI. */
    public TdispHeader header() {
        return TdispHeader.v10(function.interfaceId());
    }
}
