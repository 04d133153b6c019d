package io.tsmtck.emu;

import io.tsmtck.api.FailNth;
import io.tsmtck.api.HostStack;
import io.tsmtck.api.StackRequest;
import io.tsmtck.api.TdiProbe;
import io.tsmtck.api.iommufd.Iommufd;
import io.tsmtck.api.iommufd.HwInfoType;
import io.tsmtck.api.iommufd.ViommuType;
import io.tsmtck.api.pci.PciHotplug;
import io.tsmtck.api.pci.PciResetMethod;
import io.tsmtck.api.pci.PciSriov;
import io.tsmtck.api.topology.Dsm;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.topology.Topology;
import io.tsmtck.api.tsm.TsmCore;
import io.tsmtck.api.vfio.Vfio;
import io.tsmtck.api.vm.Kvm;
import io.tsmtck.emu.device.DeviceFeatures;
import io.tsmtck.emu.device.EmuDevice;
import io.tsmtck.emu.faults.Fault;
import io.tsmtck.emu.faults.FaultPlan;
import io.tsmtck.emu.faults.ResourceLedger;
import io.tsmtck.emu.host.iommufd.EmuIommufd;
import io.tsmtck.emu.host.kvm.EmuKvm;
import io.tsmtck.emu.host.pci.EmuHotplug;
import io.tsmtck.emu.host.pci.EmuResetMethods;
import io.tsmtck.emu.host.pci.EmuSriov;
import io.tsmtck.emu.host.tsm.EmuTsmCore;
import io.tsmtck.emu.host.tsm.TsmBackend;
import io.tsmtck.emu.host.vfio.EmuVfio;
import io.tsmtck.emu.stack.EmuContext;
import io.tsmtck.emu.stack.Handles;
import io.tsmtck.emu.vendor.AmdSevTioTsm;
import io.tsmtck.emu.vendor.GenericLinkTsm;
import io.tsmtck.emu.vendor.TdxConnectTsm;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One emulated machine: the devices of the requested topology and the host stack in front of them,
 * with the vendor back end of the requested profile. Owns all of its state.
 */
public final class EmuHostStack implements HostStack {

    /**
     * The vIOMMU type the emulated IOMMU implements; emulation-private, so that no real driver's
     * type is claimed.
     */
    public static final ViommuType EMULATED_VIOMMU = new ViommuType(0xE0);
    /**
     * What IOMMU_GET_HW_INFO reports for the emulated IOMMU, emulation-private as well; its
     * {@code Iommufd.viommuType} is {@link #EMULATED_VIOMMU}.
     */
    public static final HwInfoType EMULATED_IOMMU = new HwInfoType(0xE0);

    private final StackRequest request;
    private final Topology topology;
    private final EmuContext context;
    private final Map<PciAddress, EmuDevice> devices = new LinkedHashMap<>();
    private final TsmBackend backend;
    private final EmuTsmCore tsm;
    private final EmuVfio vfio;
    private final EmuKvm kvm;
    private final EmuHotplug hotplug;
    private final EmuSriov sriov;
    private final EmuResetMethods resetMethods;

    /**
     * A stack for {@code request} with the given faults; {@code failAt} is the allocation to fail
     * (0 for none).
     */
    public EmuHostStack(StackRequest request, FaultPlan faults, long failAt) {
        this.request = request;
        PlatformBuilder platform = new PlatformBuilder(request.topology());
        this.topology = platform.topology();
        ResourceLedger ledger = new ResourceLedger(failAt);
        this.context = new EmuContext(faults, new Random(request.seed()), ledger, new Handles());
        for (Dsm dsm : topology.dsms()) {
            devices.put(dsm.address(), new EmuDevice(dsm, platform.barBases(), DeviceFeatures.all(), context));
        }
        this.backend = backendFor(request);
        this.hotplug = new EmuHotplug(topology);
        this.sriov = new EmuSriov(topology);
        this.resetMethods = new EmuResetMethods(topology);
        Predicate<PciAddress> present = address -> hotplug.isPresent(address) && sriov.isEnabled(address);
        this.tsm = new EmuTsmCore(topology, devices, backend, context, present);
        this.vfio = new EmuVfio(topology, devices, tsm, context, present, resetMethods);
        hotplug.connect(vfio::isHeld, tsm::deviceRemoved);
        sriov.connect(vfio::isHeld, tsm::functionAdded, tsm::functionRemoved);
        this.kvm = new EmuKvm(context);
        if (faults.inject(Fault.STACK_CLOSE_LEAKS_THREAD)) {
            leakWorker(request);
        }
    }

    private TsmBackend backendFor(StackRequest request) {
        switch (request.profile()) {
            case GENERIC_LINK:
                return new GenericLinkTsm(context);
            case AMD_SEV_TIO:
                return new AmdSevTioTsm(context);
            case INTEL_TDX_CONNECT:
                return new TdxConnectTsm(context);
            default:
                throw new IllegalArgumentException("the reference implementation has no " + request.profile()
                        + " back end; it implements " + ReferenceStackProvider.PROFILES);
        }
    }

    @Override
    public StackRequest request() {
        return request;
    }

    @Override
    public Topology topology() {
        return topology;
    }

    @Override
    public TsmCore tsm() {
        return tsm;
    }

    @Override
    public Vfio vfio() {
        return vfio;
    }

    @Override
    public Iommufd openIommufd() {
        return context.handles().track(new EmuIommufd(context, tsm, EMULATED_IOMMU, EMULATED_VIOMMU));
    }

    @Override
    public Kvm kvm() {
        return new TrackingKvm(kvm, context.handles());
    }

    /** The emulated device model reads its TDIs' states directly: the side channel an emulator has. */
    @Override
    public Optional<TdiProbe> tdiProbe() {
        return Optional.of(function -> topology.dsmOf(function).map(dsm -> devices.get(dsm.address()).tdiState(function))
                .orElseThrow(() -> new IllegalArgumentException(function + " is not a function of this stack; DSMs: "
                        + devices.keySet())));
    }

    @Override
    public Optional<PciHotplug> hotplug() {
        return Optional.of(hotplug);
    }

    @Override
    public Optional<PciSriov> sriov() {
        return Optional.of(sriov);
    }

    @Override
    public Optional<PciResetMethod> resetMethod() {
        return Optional.of(resetMethods);
    }

    /** fail-nth over the stack's resource ledger: every allocation and fallible firmware step counts. */
    @Override
    public Optional<FailNth> failNth() {
        return Optional.of(context.ledger());
    }

    /** The emulated device of {@code dsm}, for the emulation's own tests. */
    public EmuDevice device(PciAddress dsm) {
        EmuDevice device = devices.get(dsm);
        if (device == null) {
            throw new IllegalArgumentException(dsm + " is not a DSM of this stack; DSMs: " + devices.keySet());
        }
        return device;
    }

    /** The vendor back end, for the emulation's own tests of vendor sequences. */
    public TsmBackend backend() {
        return backend;
    }

    /** The resource ledger, for fail-nth and leak checks. */
    public ResourceLedger ledger() {
        return context.ledger();
    }

    /**
     * The fault's worker: waits for work that never comes, and close() does not stop it. It idles
     * out after four times the kit's "must happen" timeout (the same setting), long after the kit
     * has looked, so that a kill-matrix run does not leave thousands of threads behind.
     */
    private static void leakWorker(StackRequest request) {
        long idleMillis = 4 * Long.getLong("tsm-tck.timeout.happen", 5_000);
        CountDownLatch never = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                never.await(idleMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "emu-event-worker " + request.profile());
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void close() {
        context.handles().closeAll();
        for (Dsm dsm : topology.dsms()) {
            tsm.connectedTsm(dsm.address()).ifPresent(name -> tsm.disconnect(dsm.address(), name));
        }
    }
}
