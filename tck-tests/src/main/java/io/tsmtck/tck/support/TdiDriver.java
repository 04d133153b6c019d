package io.tsmtck.tck.support;

import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.vfio.ConfigRegister;
import io.tsmtck.api.wire.ByteString;
import java.util.Optional;

/**
 * Puts a TDI into a given state by speaking TDISP to the device as the TSM would (the kit takes the
 * TSM's place on its session): LOCK, START with the nonce, and, for ERROR, clearing memory decode
 * through VFIO. Then checks with the device that the state was reached.
 */
public final class TdiDriver {

    private TdiDriver() {
    }

    /**
     * Drives the connected {@code function}'s TDI from CONFIG_UNLOCKED to {@code target}; returns the
     * nonce when the target is CONFIG_LOCKED.
     */
    public static Optional<ByteString> enter(Sut sut, PciFunction function, TdiState target) {
        if (target == TdiState.CONFIG_UNLOCKED) {
            check(sut, function, target);
            return Optional.empty();
        }
        sut.vfio(function);
        ByteString nonce = sut.tdisp(function).lock();
        enterFromLocked(sut, function, nonce, target);
        return target == TdiState.CONFIG_LOCKED ? Optional.of(nonce) : Optional.empty();
    }

    /**
     * Drives a TDI that is CONFIG_LOCKED with {@code nonce} on to {@code target} (CONFIG_LOCKED, RUN
     * or ERROR) and checks with the device that it got there.
     */
    public static void enterFromLocked(Sut sut, PciFunction function, ByteString nonce, TdiState target) {
        if (target == TdiState.RUN) {
            sut.tdisp(function).start(nonce);
        } else if (target == TdiState.ERROR) {
            Setup.require(sut.vfio(function).config().write(ConfigRegister.COMMAND, 0), "clear Memory Space Enable");
        }
        check(sut, function, target);
    }

    private static void check(Sut sut, PciFunction function, TdiState target) {
        TdiState reached = sut.tdisp(function).state();
        if (reached != target) {
            throw Setup.failed("drive " + function.address() + " to " + target, "the device reports " + reached);
        }
    }
}
