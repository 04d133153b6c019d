package io.tsmtck.emu.spdm;

import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.spdm.DoeObject;
import java.io.IOException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Before forwarding the n-th request (from 0), sends a bad variant of it to the device and keeps the
 * answer; the genuine request follows, so the conversation shows whether the bad one changed
 * anything.
 */
final class InjectingMailbox implements DoeMailbox {

    private final DoeMailbox inner;
    private final int target;
    private final UnaryOperator<DoeObject> variant;
    private Optional<DoeObject> answerToBad = Optional.empty();
    private boolean injected;
    private int count;

    InjectingMailbox(DoeMailbox inner, int target, UnaryOperator<DoeObject> variant) {
        this.inner = inner;
        this.target = target;
        this.variant = variant;
    }

    @Override
    public Optional<DoeObject> exchange(DoeObject request) throws IOException {
        if (count++ == target) {
            answerToBad = inner.exchange(variant.apply(request));
            injected = true;
        }
        return inner.exchange(request);
    }

    /** The device's answer to the bad variant. */
    Optional<DoeObject> answerToBad() {
        if (!injected) {
            throw new IllegalStateException("the conversation ended before request " + target);
        }
        return answerToBad;
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
