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
import io.tsmtck.emu.host.tsm.Binding;
import io.tsmtck.emu.host.tsm.GuestRequests;
import io.tsmtck.emu.host.tsm.LinkChannel;
import io.tsmtck.emu.host.tsm.TdispOps;
import io.tsmtck.emu.host.tsm.TsmBackend;
import java.util.Optional;

/**
 * A generic link TSM in the manner of the kernel's devsec sample (samples/devsec): it runs TDISP
 * itself over the DSM's SPDM session. Bind is LOCK_INTERFACE_REQUEST, unbind is
 * STOP_INTERFACE_REQUEST, a guest's STATE_CHANGE request is relayed as START with the TSM's nonce.
 */
public final class GenericLinkTsm implements TsmBackend {

    private final EmuContext context;

    public GenericLinkTsm(EmuContext context) {
        this.context = context;
    }

    @Override
    public VendorProfile profile() {
        return VendorProfile.GENERIC_LINK;
    }

    @Override
    public boolean probes(PciFunction function) {
        return true;
    }

    @Override
    public Result<Done> acceptsVm(VmType type) {
        return type == VmType.CONFIDENTIAL ? Result.done()
                : Result.refused(Errno.EINVAL, "a TDI is bound only to a confidential VM");
    }

    @Override
    public Result<Done> connect(LinkChannel link, int stream) {
        return TdispOps.programStream(link, stream, context);
    }

    @Override
    public void disconnect(LinkChannel link, int stream) {
        TdispOps.stopStream(link, stream);
    }

    @Override
    public Result<ByteString> bind(LinkChannel link, PciFunction function, int stream, long tdiId) {
        return context.ledger().step("LOCK " + function.address())
                .flatMap(ok -> TdispOps.lock(link, function, stream));
    }

    @Override
    public void unbind(LinkChannel link, PciFunction function) {
        TdispOps.stop(link, function);
    }

    @Override
    public Result<GuestResponse> guestRequest(LinkChannel link, PciFunction function, Optional<Binding> binding,
                                              GuestRequest request) {
        return GuestRequests.relay(link, binding, request, context);
    }
}
