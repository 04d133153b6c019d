package io.tsmtck.tck.device;

import io.tsmtck.api.topology.PciAddress;
import java.util.Optional;
import java.util.Set;

/**
 * What the kit knows, from one test to the next on a shared device, of the TDIs it need not check
 * again: those the reset before a test found in CONFIG_UNLOCKED and that test sent nothing that could
 * move them (no TDISP request but a read, through the kit's own clients). A TDI in CONFIG_UNLOCKED
 * stays there when a session ends, so this holds whether or not the session goes on. A test that
 * reached the device by any other way (its own requests, plaintext SPDM, a connection of its own,
 * the rig) leaves nothing known, and the next test checks every TDI.
 *
 * <p>Threading: one test at a time uses a shared device; the methods are synchronized.
 */
final class UnlockedTdis {

    private record Known(Object source, Set<PciAddress> unlocked) {
    }

    private static Known known;

    private UnlockedTdis() {
    }

    /** The TDIs of {@code source} known to be in CONFIG_UNLOCKED (none when nothing is known). */
    static synchronized Set<PciAddress> of(Object source) {
        return Optional.ofNullable(known).filter(k -> k.source() == source).map(Known::unlocked).orElse(Set.of());
    }

    /** After a test of {@code source}: {@code unlocked} are known to be in CONFIG_UNLOCKED. */
    static synchronized void know(Object source, Set<PciAddress> unlocked) {
        known = new Known(source, Set.copyOf(unlocked));
    }

    /** After a test that reached the device beyond what the kit follows: nothing is known. */
    static synchronized void forget() {
        known = null;
    }
}
