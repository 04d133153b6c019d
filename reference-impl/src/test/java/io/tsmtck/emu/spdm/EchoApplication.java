package io.tsmtck.emu.spdm;

import io.tsmtck.api.device.SpdmSessionId;
import io.tsmtck.api.spdm.message.SpdmCodec;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.VendorDefined;
import io.tsmtck.api.wire.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A device above the responder that answers every VENDOR_DEFINED_REQUEST in a session with its payload reversed. */
final class EchoApplication implements SessionApplication {

    final List<SpdmSessionId> established = new ArrayList<>();
    final List<SpdmSessionId> ended = new ArrayList<>();
    final List<Optional<SpdmSessionId>> requests = new ArrayList<>();

    @Override
    public Optional<ByteString> vendorDefined(Optional<SpdmSessionId> session, ByteString request) {
        requests.add(session);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        VendorDefined vdm = (VendorDefined) SpdmCodec.decode(request, MessageSizes.none()).orElseThrow();
        byte[] payload = vdm.payload().toByteArray();
        byte[] reversed = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            reversed[i] = payload[payload.length - 1 - i];
        }
        return Optional.of(new VendorDefined(vdm.version(), false, false, vdm.standardId(), vdm.vendorId(),
                ByteString.of(reversed)).encode());
    }

    @Override
    public void sessionEstablished(SpdmSessionId session) {
        established.add(session);
    }

    @Override
    public void sessionEnded(SpdmSessionId session) {
        ended.add(session);
    }
}
