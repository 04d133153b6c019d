package io.tsmtck.emu.device;

import io.tsmtck.api.device.SpdmSessionId;
import io.tsmtck.api.tdisp.LockInterfaceRequest;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.wire.ByteString;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The TDISP state of one device interface (PCIe Base 6.x 11.1): its state, the START nonce of the
 * current lock, and what the lock fixed (flags, default stream, reporting offset, the SPDM session
 * it came over).
 *
 * <p>Invariants: a nonce exists only in CONFIG_LOCKED (destroyed on the way to RUN, UNLOCKED and
 * ERROR); lock parameters exist only in CONFIG_LOCKED and RUN, and in ERROR until STOP.
 *
 * <p>Threading: guarded by the owning device's lock.
 */
final class Tdi {

    private TdiState state = TdiState.CONFIG_UNLOCKED;
    private Optional<ByteString> nonce = Optional.empty();
    private Optional<LockInterfaceRequest> lock = Optional.empty();
    private Optional<SpdmSessionId> lockSession = Optional.empty();
    private final Set<Integer> p2pStreams = new HashSet<>();

    TdiState state() {
        return state;
    }

    Optional<ByteString> nonce() {
        return nonce;
    }

    Optional<LockInterfaceRequest> lock() {
        return lock;
    }

    Optional<SpdmSessionId> lockSession() {
        return lockSession;
    }

    Set<Integer> p2pStreams() {
        return p2pStreams;
    }

    /** Everything a request could change, for checking that a refused one changed nothing. */
    String describe() {
        return state + " nonce " + nonce.map(ByteString::hex).orElse("-") + " lock " + lock.map(Object::toString)
                .orElse("-") + " session " + lockSession.map(Object::toString).orElse("-") + " p2p "
                + new TreeSet<>(p2pStreams);
    }

    boolean isLockedOrRunning() {
        return state == TdiState.CONFIG_LOCKED || state == TdiState.RUN;
    }

    void lock(LockInterfaceRequest request, SpdmSessionId session, ByteString startNonce) {
        state = TdiState.CONFIG_LOCKED;
        lock = Optional.of(request);
        lockSession = Optional.of(session);
        nonce = Optional.of(startNonce);
    }

    /** Forgets the nonce without a state change (only a faulty device does this). */
    void destroyNonce() {
        nonce = Optional.empty();
    }

    /** Sends the TDI to ERROR whatever its state (only a faulty device does this from CONFIG_UNLOCKED). */
    void failAnyState() {
        state = TdiState.ERROR;
        nonce = Optional.empty();
        p2pStreams.clear();
    }

    /** Moves to RUN; the nonce is destroyed first. */
    void start() {
        nonce = Optional.empty();
        state = TdiState.RUN;
    }

    /** Back to CONFIG_UNLOCKED, forgetting the lock. */
    void stop() {
        state = TdiState.CONFIG_UNLOCKED;
        nonce = Optional.empty();
        lock = Optional.empty();
        lockSession = Optional.empty();
        p2pStreams.clear();
    }

    /** To ERROR from CONFIG_LOCKED or RUN: the nonce is destroyed, P2P bindings dropped. */
    void fail() {
        if (isLockedOrRunning()) {
            state = TdiState.ERROR;
            nonce = Optional.empty();
            p2pStreams.clear();
        }
    }

    /** A conventional reset: CONFIG_UNLOCKED from any state. */
    void reset() {
        stop();
    }
}
