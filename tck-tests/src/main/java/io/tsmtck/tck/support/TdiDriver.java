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
        TdispClient tdisp = sut.tdisp(function);
        Optional<ByteString> nonce = Optional.empty();
        if (target != TdiState.CONFIG_UNLOCKED) {
            sut.vfio(function);
            nonce = Optional.of(tdisp.lock());
        }
        if (target == TdiState.RUN) {
            tdisp.start(nonce.get());
            nonce = Optional.empty();
        }
        if (target == TdiState.ERROR) {
            Setup.require(sut.vfio(function).config().write(ConfigRegister.COMMAND, 0), "clear Memory Space Enable");
            nonce = Optional.empty();
        }
        TdiState reached = tdisp.state();
        if (reached != target) {
            throw Setup.failed("drive " + function.address() + " to " + target, "the device reports " + reached);
        }
        return nonce;
    }
}
