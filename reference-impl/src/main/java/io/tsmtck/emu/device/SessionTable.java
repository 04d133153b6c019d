package io.tsmtck.emu.device;

import io.tsmtck.api.device.SpdmSessionId;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The device's SPDM secured sessions (DSP0274 KEY_EXCHANGE/FINISH, DSP0277): those its SPDM
 * responder authenticated over the DOE mailbox ({@link #register}), and those the emulated host
 * TSM opens without the cryptography ({@link #establish}), where a message "in" a session is one the
 * caller addressed to it.
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

    /** Records a session whose id its KEY_EXCHANGE chose. */
    void register(SpdmSessionId id) {
        active.add(id);
    }

    boolean isActive(SpdmSessionId id) {
        return active.contains(id);
    }

    /** Ends the session (nothing if it was not active). */
    void end(SpdmSessionId id) {
        active.remove(id);
    }
}
