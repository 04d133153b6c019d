package io.tsmtck.emu.host.tsm;

import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.StartInterfaceRequest;
import io.tsmtck.api.tdisp.TdispCodec;
import io.tsmtck.api.tdisp.TdispMessage;
import io.tsmtck.api.tsm.GuestRequest;
import io.tsmtck.api.tsm.GuestRequestScope;
import io.tsmtck.api.tsm.GuestResponse;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.emu.faults.Fault;
import io.tsmtck.emu.stack.EmuContext;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The kit's portable guest-request format ({@link GuestRequest}): a TDISP request the TSM relays
 * over its session. INFO may only read (version, capabilities, state, report); STATE_CHANGE may
 * start or stop the interface. START is completed with the TSM's nonce: the guest never sees it.
 */
public final class GuestRequests {

    private static final Set<MessageType> INFO = EnumSet.of(MessageType.GET_TDISP_VERSION,
            MessageType.GET_TDISP_CAPABILITIES, MessageType.GET_DEVICE_INTERFACE_STATE,
            MessageType.GET_DEVICE_INTERFACE_REPORT);
    private static final Set<MessageType> STATE_CHANGE = EnumSet.of(MessageType.START_INTERFACE_REQUEST,
            MessageType.STOP_INTERFACE_REQUEST);

    private GuestRequests() {
    }

    /**
     * Relays {@code request}; {@code infoMayStart} is the fault that lets an INFO request start the
     * interface.
     */
    public static Result<GuestResponse> relay(LinkChannel link, Optional<Binding> binding, GuestRequest request,
                                              EmuContext context) {
        boolean infoMayStart = context.faults().inject(Fault.TSM_INFO_REQUEST_STARTS);
        DecodeResult<TdispMessage> decoded = TdispCodec.decode(request.payload(), ReservedPolicy.IGNORE);
        if (!decoded.isDecoded()) {
            return Result.ok(failed(Errno.EINVAL));
        }
        TdispMessage message = decoded.orElseThrow();
        Set<MessageType> allowed = EnumSet.copyOf(request.scope().equals(GuestRequestScope.INFO) ? INFO : STATE_CHANGE);
        if (infoMayStart) {
            allowed.add(MessageType.START_INTERFACE_REQUEST);
        }
        if (!allowed.contains(message.type())) {
            return Result.ok(failed(Errno.EPERM));
        }
        if (message instanceof StartInterfaceRequest start) {
            if (context.faults().inject(Fault.TSM_GUEST_START_DROPPED)) {
                return Result.ok(GuestResponse.of(new HeaderOnlyMessage(MessageType.START_INTERFACE_RESPONSE,
                        start.header()).encode()));
            }
            ByteString nonce = binding.map(Binding::nonce).orElse(start.nonce());
            message = new StartInterfaceRequest(start.header(), nonce);
        }
        return link.tdispRaw(message.encode()).map(GuestResponse::of);
    }

    private static GuestResponse failed(Errno errno) {
        return new GuestResponse(ByteString.EMPTY, Optional.of(errno), 0, errno.number());
    }
}
