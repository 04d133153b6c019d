package io.tsmtck.emu.device;

import io.tsmtck.api.device.SpdmSessionId;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The responder's SPDM secured sessions (DSP0274 KEY_EXCHANGE/FINISH, DSP0277). The emulation
 * models the lifecycle (established, ended) and the session ids, not the cryptography: a message
 * "in" a session is one the caller addressed to it.
 *
 * <p>Threading: guarded by the owning device's lock.
 */
final class SessionTable {

    private final Set<SpdmSessionId> active = new HashSet<>();
    private final LongSupplier randomU32;

    SessionTable(LongSupplier randomU32) {
        this.randomU32 = randomU32;
    }

    /** Establishes a session with a fresh id. */
    SpdmSessionId establish() {
        SpdmSessionId id;
        do {
            id = new SpdmSessionId(randomU32.getAsLong());
        } while (active.contains(id));
        active.add(id);
        return id;
    }

    boolean isActive(SpdmSessionId id) {
        return active.contains(id);
    }

    /** Ends the session; false if it was not active. */
    boolean end(SpdmSessionId id) {
        return active.remove(id);
    }
}
