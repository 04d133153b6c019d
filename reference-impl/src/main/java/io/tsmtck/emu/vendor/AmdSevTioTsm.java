package io.tsmtck.emu.vendor;

import io.tsmtck.api.VendorProfile;
import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.topology.FunctionRole;
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
 * An AMD SEV-TIO-style TSM (the posted drivers/crypto/ccp/sev-dev-tio.c): the PSP firmware does the
 * TDISP work. Only PF0 gets a TSM context; bind is one firmware call (TDI_BIND) that needs the
 * SEV-SNP guest's context and leaves the TDI locked, so a VM without SEV-SNP is refused with
 * {@code ENOSYS}; RUN is set lazily, from the guest's request; unbind is TDI_UNBIND, then status,
 * then reclaim.
 */
public final class AmdSevTioTsm implements TsmBackend {

    private final EmuContext context;
    private final FirmwareLog firmware = new FirmwareLog();

    public AmdSevTioTsm(EmuContext context) {
        this.context = context;
    }

    /** The PSP calls made so far. */
    public FirmwareLog firmware() {
        return firmware;
    }

    @Override
    public VendorProfile profile() {
        return VendorProfile.AMD_SEV_TIO;
    }

    @Override
    public boolean probes(PciFunction function) {
        return context.faults().value(Fault.AMD_SUBFUNCTION_CONTEXT, function.role() == FunctionRole.DSM, true);
    }

    @Override
    public Result<Done> acceptsVm(VmType type) {
        return type == VmType.CONFIDENTIAL ? Result.done()
                : Result.refused(Errno.ENOSYS, "TDI_BIND needs an SEV-SNP guest context");
    }

    @Override
    public Result<Done> connect(LinkChannel link, int stream) {
        firmware.record("SPDM_CTRL connect");
        return TdispOps.programStream(link, stream, context);
    }

    @Override
    public void disconnect(LinkChannel link, int stream) {
        firmware.record("SPDM_CTRL disconnect");
        TdispOps.stopStream(link, stream);
    }

    @Override
    public Result<ByteString> bind(LinkChannel link, PciFunction function, int stream, long tdiId) {
        return context.ledger().step("TDI_BIND").flatMap(ok -> {
            firmware.record(String.format("TDI_BIND %s guest-bdf 0x%x", function.address(), tdiId));
            return TdispOps.lock(link, function, stream);
        });
    }

    @Override
    public void unbind(LinkChannel link, PciFunction function) {
        firmware.record("TDI_UNBIND " + function.address());
        TdispOps.stop(link, function);
        firmware.record("TDI_STATUS " + function.address());
        firmware.record("TDI_RECLAIM " + function.address());
    }

    @Override
    public Result<GuestResponse> guestRequest(LinkChannel link, PciFunction function, Optional<Binding> binding,
                                              GuestRequest request) {
        firmware.record("TIO_GUEST_REQUEST " + function.address());
        return GuestRequests.relay(link, binding, request, context);
    }
}
