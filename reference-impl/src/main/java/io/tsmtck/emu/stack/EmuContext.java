package io.tsmtck.emu.stack;

import io.tsmtck.emu.faults.FaultPlan;
import io.tsmtck.emu.faults.ResourceLedger;

import java.util.Objects;
import java.util.Random;

/**
 * What every part of one emulated stack shares: its faults, its seeded randomness, its resource
 * ledger and its open handles. One per stack, never static, so stacks are independent.
 *
 * @param faults the deliberate defects of this stack
 * @param random the stack's only source of randomness (nonces, session ids, keys), seeded from the
 *     kit's request; access is synchronised on the instance
 * @param ledger resource accounting and fail-nth
 * @param handles every handle handed out, closed with the stack
 */
public record EmuContext(FaultPlan faults, Random random, ResourceLedger ledger, Handles handles) {

    public EmuContext {
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(handles, "handles");
    }

    /** {@code length} random bytes. */
    public byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        synchronized (random) {
            random.nextBytes(bytes);
        }
        return bytes;
    }

    /** A random u32. */
    public long randomU32() {
        synchronized (random) {
            return random.nextInt() & 0xFFFF_FFFFL;
        }
    }
}
