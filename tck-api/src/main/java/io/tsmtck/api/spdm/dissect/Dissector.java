package io.tsmtck.api.spdm.dissect;

import io.tsmtck.api.idekm.IdeKmCodec;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.ProtocolId;
import io.tsmtck.api.spdm.SocketFrame;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.SpdmCodec;
import io.tsmtck.api.spdm.message.SpdmMessage;
import io.tsmtck.api.spdm.message.VendorDefined;
import io.tsmtck.api.spdm.session.SecuredMessage;
import io.tsmtck.api.tdisp.TdispCodec;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.ReservedPolicy;
import java.util.Optional;

/**
 * One call from bytes to a typed message through every layer: SPDM socket frame, DOE object, then
 * SPDM (with SPDM ERROR and the 1.4 large VENDOR_DEFINED form), PCI-SIG VENDOR_DEFINED down to TDISP
 * or IDE_KM, or a secured record. Each layer uses the same {@link ReservedPolicy}; the first layer
 * that does not decode is the result's {@link DecodeResult#failure()}.
 *
 * <p>Threading: stateless, safe to share.
 */
public final class Dissector {

    private static final int STANDARD_PCI_SIG = 0x0003;
    private static final ByteString VENDOR_PCI_SIG = ByteString.ofHex("0100");

    private Dissector() {
    }

    /** Decodes one SPDM socket frame and what it carries. */
    public static DecodeResult<Dissection> frame(ByteString bytes, MessageSizes sizes, ReservedPolicy policy) {
        DecodeResult<SocketFrame> frame = SocketFrame.decode(bytes);
        if (frame.failure().isPresent()) {
            return DecodeResult.malformed(frame.failure().get());
        }
        SocketFrame decoded = frame.orElseThrow();
        if (decoded.command() != SocketFrame.Command.NORMAL || decoded.payload().size() == 0) {
            return DecodeResult.decoded(new Dissection(Optional.of(decoded), Optional.empty(), Optional.empty()));
        }
        return doe(decoded.payload(), sizes, policy).map(inner -> new Dissection(Optional.of(decoded), inner.doe(),
                inner.payload()));
    }

    /** Decodes one DOE object and what it carries. */
    public static DecodeResult<Dissection> doe(ByteString bytes, MessageSizes sizes, ReservedPolicy policy) {
        DecodeResult<DoeObject> object = DoeObject.decode(bytes);
        if (object.failure().isPresent()) {
            return DecodeResult.malformed(object.failure().get());
        }
        DoeObject doe = object.orElseThrow();
        return payload(doe, sizes, policy).map(payload -> new Dissection(Optional.empty(), Optional.of(doe),
                Optional.of(payload)));
    }

    private static DecodeResult<Payload> payload(DoeObject doe, MessageSizes sizes, ReservedPolicy policy) {
        if (doe.vendorId() != DoeObject.VENDOR_PCI_SIG) {
            return DecodeResult.decoded(new Payload.Unknown(doe.vendorId(), doe.type(), doe.data()));
        }
        return switch (doe.type()) {
            case DoeObject.TYPE_DISCOVERY -> DecodeResult.decoded(new Payload.Discovery(doe.data()));
            case DoeObject.TYPE_SECURED_SPDM -> SecuredMessage.decode(doe.data(), 3).map(Payload.Secured::new);
            case DoeObject.TYPE_SPDM -> spdm(doe.data(), sizes, policy);
            default -> DecodeResult.decoded(new Payload.Unknown(doe.vendorId(), doe.type(), doe.data()));
        };
    }

    /** Decodes one SPDM message (up to three pad bytes after it) down to TDISP or IDE_KM when it carries one. */
    public static DecodeResult<Payload> spdm(ByteString bytes, MessageSizes sizes, ReservedPolicy policy) {
        DecodeResult<SpdmMessage> message = SpdmCodec.decode(bytes, sizes, policy, 3);
        if (message.failure().isPresent()) {
            return DecodeResult.malformed(message.failure().get());
        }
        SpdmMessage spdm = message.orElseThrow();
        if (!(spdm instanceof VendorDefined vendor) || vendor.standardId() != STANDARD_PCI_SIG
                || !vendor.vendorId().equals(VENDOR_PCI_SIG) || vendor.payload().size() == 0) {
            return DecodeResult.decoded(new Payload.Spdm(spdm));
        }
        Optional<ProtocolId> protocol = ProtocolId.fromCode(vendor.payload().get(0));
        if (protocol.isEmpty()) {
            return DecodeResult.decoded(new Payload.Spdm(spdm));
        }
        ByteString body = ByteString.copyOf(vendor.payload().toByteArray(), 1, vendor.payload().size() - 1);
        return protocol.get() == ProtocolId.TDISP
                ? TdispCodec.decode(body, policy).map(tdisp -> new Payload.Tdisp(spdm, tdisp))
                : IdeKmCodec.decode(body, policy).map(ideKm -> new Payload.IdeKm(spdm, ideKm));
    }
}
