package io.tsmtck.emu.spdm;

import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.wire.DecodeResult;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The reference responder's DOE mailbox, in process. Each object goes through its bytes both ways,
 * as over a real transport, so that nothing but what is on the wire reaches the other side.
 */
public final class InProcessMailbox implements DoeMailbox {

    private final SpdmResponder responder;
    private boolean closed;

    public InProcessMailbox(SpdmResponder responder) {
        this.responder = Objects.requireNonNull(responder, "responder");
    }

    @Override
    public Optional<DoeObject> exchange(DoeObject request) throws IOException {
        if (closed) {
            throw new IOException("the in-process mailbox is closed");
        }
        DecodeResult<DoeObject> delivered = DoeObject.decode(request.encode());
        if (!delivered.isDecoded()) {
            throw new IOException("the request is not a DOE object: " + delivered);
        }
        Optional<DoeObject> answer = responder.handle(delivered.orElseThrow());
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        DecodeResult<DoeObject> received = DoeObject.decode(answer.get().encode());
        if (!received.isDecoded()) {
            throw new IOException("the answer is not a DOE object: " + received);
        }
        return received.asOptional();
    }

    @Override
    public void close() {
        closed = true;
    }
}
