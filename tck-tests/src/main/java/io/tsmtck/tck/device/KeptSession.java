package io.tsmtck.tck.device;

import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.tck.spdm.SpdmConnection;
import io.tsmtck.tck.spdm.SpdmSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kit's secured session on a shared device (one the tests take turns on: a socket, a DOE
 * mailbox), kept from one test to the next with its IDE keys: a test that used only TDISP over it (and
 * IDE_KM that queried, or keyed and started a spare stream; a second session it ended) hands it on
 * instead of ending it, and the next test adopts it after bringing every TDI back to CONFIG_UNLOCKED
 * (those not {@link UnlockedTdis known} to be), instead of negotiating, opening a session and programming
 * the keys again (about twenty exchanges a test; issue "device kit speed"). A session the kit opened to
 * reach ERROR goes on without keys, which the adopting test programs. A test that worked on the session
 * itself or the kit's keys ends the session but hands the connection on (the next test opens a session
 * over it); one that reached the device beyond the session (plaintext SPDM, raw objects, a GET_VERSION of
 * its own, the rig) hands nothing on. A kept session or connection that no longer serves (ended by its
 * heartbeat, the device met anew) is dropped and the test starts over.
 *
 * <p>Threading: one test at a time uses a shared device; {@link #take} and {@link #keep} are
 * synchronized.
 */
final class KeptSession {

    /** A mailbox whose target is the DOE mailbox of the test that uses it now. */
    static final class Switchable implements DoeMailbox {
        private volatile DoeMailbox target;
        private final AtomicInteger inFlight = new AtomicInteger();
        private volatile long lastExchangeNanos = System.nanoTime();

        Switchable(DoeMailbox target) {
            this.target = target;
        }

        /** The test that adopts the session sends through its own mailbox (and transcript) from now. */
        void retarget(DoeMailbox next) {
            target = next;
        }

        /** Whether an exchange is under way (a test abandoned at its timeout may still be in one). */
        boolean busy() {
            return inFlight.get() > 0;
        }

        /** Milliseconds since the last exchange through this mailbox ended. */
        long idleMillis() {
            return (System.nanoTime() - lastExchangeNanos) / 1_000_000;
        }

        @Override
        public Optional<DoeObject> exchange(DoeObject request) throws IOException {
            inFlight.incrementAndGet();
            try {
                return target.exchange(request);
            } finally {
                lastExchangeNanos = System.nanoTime();
                inFlight.decrementAndGet();
            }
        }

        /** The target belongs to its test, which closes it. */
        @Override
        public void close() {
        }
    }

    /**
     * What a test hands on: the session (null when only the connection goes on), its connection, the mailbox
     * both go through, the source, whether the kit's IDE keys are programmed in the session ({@code keyed}),
     * and the spare streams the session's IDE_KM named (see {@code DeviceSut.unkeyedStream()}).
     */
    record Kept(Object source, Switchable mailbox, SpdmConnection connection, SpdmSession session, boolean keyed,
                Set<Integer> keyedStreams) {
    }

    private static Kept kept;

    private KeptSession() {
    }

    /** The session a test of the same {@code source} handed on, if any; taken, so that it is used once. */
    static synchronized Optional<Kept> take(Object source) {
        Kept handedOn = kept;
        kept = null;
        return Optional.ofNullable(handedOn).filter(k -> k.source() == source);
    }

    /** Hands {@code session} on to the next test. */
    static synchronized void keep(Kept session) {
        kept = session;
    }
}
