package io.tsmtck.emu.spdm;

import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.spdm.DoeObject;
import java.io.IOException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A man in the middle on a DOE mailbox: it can rewrite the n-th request or the answer to it (counting
 * from 0), the way a broken or hostile device or link would.
 */
final class TamperingMailbox implements DoeMailbox {

    private final DoeMailbox inner;
    private final int target;
    private final UnaryOperator<DoeObject> request;
    private final UnaryOperator<Optional<DoeObject>> answer;
    private int count;

    private TamperingMailbox(DoeMailbox inner, int target, UnaryOperator<DoeObject> request,
                             UnaryOperator<Optional<DoeObject>> answer) {
        this.inner = inner;
        this.target = target;
        this.request = request;
        this.answer = answer;
    }

    static TamperingMailbox answers(DoeMailbox inner, int exchange, UnaryOperator<Optional<DoeObject>> answer) {
        return new TamperingMailbox(inner, exchange, UnaryOperator.identity(), answer);
    }

    static TamperingMailbox requests(DoeMailbox inner, int exchange, UnaryOperator<DoeObject> request) {
        return new TamperingMailbox(inner, exchange, request, UnaryOperator.identity());
    }

    @Override
    public Optional<DoeObject> exchange(DoeObject sent) throws IOException {
        boolean hit = count++ == target;
        Optional<DoeObject> received = inner.exchange(hit ? request.apply(sent) : sent);
        return hit ? answer.apply(received) : received;
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }

    /** {@code object} with one byte of its data XORed with {@code mask}. */
    static DoeObject flip(DoeObject object, int offset, int mask) {
        byte[] data = object.data().toByteArray();
        data[offset] ^= (byte) mask;
        return new DoeObject(object.vendorId(), object.type(), io.tsmtck.api.wire.ByteString.of(data));
    }
}
