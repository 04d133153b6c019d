package io.tsmtck.emu.host.tsm;

import io.tsmtck.emu.device.DeviceResponder;
import io.tsmtck.api.device.SpdmChannel;
import io.tsmtck.api.device.SpdmSessionId;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.idekm.IdeKmCodec;
import io.tsmtck.api.idekm.IdeKmMessage;
import io.tsmtck.api.spdm.ProtocolId;
import io.tsmtck.api.spdm.VendorDefinedMessage;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.TdispCodec;
import io.tsmtck.api.tdisp.TdispError;
import io.tsmtck.api.tdisp.TdispMessage;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;

/**
 * The TSM's end of its secured SPDM session with a DSM: sends TDISP and IDE_KM messages as
 * PCI-SIG vendor-defined requests and decodes what comes back. A missing or malformed answer is
 * {@code EIO}; a TDISP_ERROR where a success was expected is {@code EIO} naming the error.
 *
 * <p>Threading: stateless apart from its fixed session; the device serialises exchanges.
 */
public final class LinkChannel {

    private final DeviceResponder device;
    private final SpdmSessionId session;

    public LinkChannel(DeviceResponder device, SpdmSessionId session) {
        this.device = device;
        this.session = session;
    }

    /** The session this channel speaks in. */
    public SpdmSessionId session() {
        return session;
    }

    /** Sends a TDISP request and returns the raw TDISP answer. */
    public Result<ByteString> tdispRaw(ByteString request) {
        return exchange(ProtocolId.TDISP, request);
    }

    /** Sends a TDISP request and requires the answer to be {@code expected}. */
    public Result<TdispMessage> tdisp(TdispMessage request, MessageType expected) {
        return tdispRaw(request.encode()).flatMap(bytes -> {
            DecodeResult<TdispMessage> answer = TdispCodec.decode(bytes);
            if (!answer.isDecoded()) {
                return Result.refused(Errno.EIO, "malformed " + request.type() + " answer: "
                        + answer.failure().orElseThrow());
            }
            TdispMessage message = answer.orElseThrow();
            if (message instanceof TdispError error) {
                return Result.refused(Errno.EIO, "device answered " + request.type() + " with " + error.code());
            }
            return message.type() == expected ? Result.ok(message)
                    : Result.refused(Errno.EIO, "device answered " + request.type() + " with " + message.type());
        });
    }

    /** Sends an IDE_KM object and decodes the answer; no answer is {@code EIO}. */
    public Result<IdeKmMessage> ideKm(IdeKmMessage request) {
        return exchange(ProtocolId.IDE_KM, request.encode()).flatMap(bytes -> IdeKmCodec.decode(bytes).asOptional()
                .map(Result::ok)
                .orElseGet(() -> Result.refused(Errno.EIO, "malformed IDE_KM answer to " + request.objectId())));
    }

    private Result<ByteString> exchange(ProtocolId protocol, ByteString body) {
        ByteString request = VendorDefinedMessage.request(protocol, body).encode();
        return device.exchange(SpdmChannel.secured(session), request)
                .map(answer -> VendorDefinedMessage.decode(answer).asOptional()
                        .map(vdm -> Result.ok(vdm.body()))
                        .orElseGet(() -> Result.refused(Errno.EIO, "malformed SPDM answer")))
                .orElseGet(() -> Result.refused(Errno.EIO, "no answer from the device to " + protocol));
    }
}
