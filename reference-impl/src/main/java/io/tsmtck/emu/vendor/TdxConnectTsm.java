package io.tsmtck.emu.vendor;

import io.tsmtck.api.VendorProfile;
import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.tsm.GuestRequest;
import io.tsmtck.api.tsm.GuestResponse;
import io.tsmtck.api.vm.VmType;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.emu.stack.EmuContext;
import io.tsmtck.emu.faults.Fault;
import io.tsmtck.emu.host.tsm.Binding;
import io.tsmtck.emu.host.tsm.GuestRequests;
import io.tsmtck.emu.host.tsm.LinkChannel;
import io.tsmtck.emu.host.tsm.TdispOps;
import io.tsmtck.emu.host.tsm.TsmBackend;
import java.util.Optional;

/**
 * An Intel TDX Connect-style TSM (posted): the TDX module is the TSM and takes one call at a time
 * ({@link FirmwareGate}). Bind sets up trusted DMA in the IOMMU before it locks the TDI; unbind runs
 * STOP, unmap of private MMIO, clean of the trusted device context, and reclaim, in that order. A
 * VM that is not a TD is refused.
 */
public final class TdxConnectTsm implements TsmBackend {

    private final EmuContext context;
    private final FirmwareLog firmware = new FirmwareLog();
    private final FirmwareGate module;

    public TdxConnectTsm(EmuContext context) {
        this.context = context;
        boolean serialised = context.faults().value(Fault.TDX_FIRMWARE_NOT_SERIALISED, true, false);
        this.module = new FirmwareGate(firmware, serialised);
    }

    /** The TDX module calls made so far. */
    public FirmwareLog firmware() {
        return firmware;
    }

    /** The TDX module's call gate. */
    public FirmwareGate module() {
        return module;
    }

    @Override
    public VendorProfile profile() {
        return VendorProfile.INTEL_TDX_CONNECT;
    }

    @Override
    public boolean probes(PciFunction function) {
        return true;
    }

    @Override
    public Result<Done> acceptsVm(VmType type) {
        return type == VmType.CONFIDENTIAL ? Result.done()
                : Result.refused(Errno.EINVAL, "the TDX module binds TDIs to TDs only");
    }

    @Override
    public Result<Done> connect(LinkChannel link, int stream) {
        return module.call("TDH.SPDM.CONNECT", () -> TdispOps.programStream(link, stream, context));
    }

    @Override
    public void disconnect(LinkChannel link, int stream) {
        module.call("TDH.SPDM.DISCONNECT", () -> {
            TdispOps.stopStream(link, stream);
            return Result.done();
        });
    }

    @Override
    public Result<ByteString> bind(LinkChannel link, PciFunction function, int stream, long tdiId) {
        return module.call("TDH.IOMMU.SETUP_TRUSTED_DMA " + function.address(),
                        () -> context.ledger().step("trusted DMA setup"))
                .flatMap(ok -> module.call("TDH.TDI.LOCK " + function.address(),
                        () -> TdispOps.lock(link, function, stream)));
    }

    @Override
    public void unbind(LinkChannel link, PciFunction function) {
        String tdi = " " + function.address();
        if (context.faults().inject(Fault.TDX_UNBIND_WRONG_ORDER)) {
            module.call("TDH.TDI.RECLAIM" + tdi, Result::done);
        }
        module.call("TDH.TDI.STOP" + tdi, () -> TdispOps.stop(link, function));
        module.call("TDH.MMIO.UNMAP" + tdi, Result::done);
        module.call("TDH.TDI.CLEAN" + tdi, Result::done);
        context.faults().step(Fault.TDX_UNBIND_WRONG_ORDER, () -> module.call("TDH.TDI.RECLAIM" + tdi, Result::done));
    }

    @Override
    public Result<GuestResponse> guestRequest(LinkChannel link, PciFunction function, Optional<Binding> binding,
                                              GuestRequest request) {
        return module.call("TDH.TDI.GUEST_REQUEST " + function.address(),
                () -> GuestRequests.relay(link, binding, request, context));
    }
}
