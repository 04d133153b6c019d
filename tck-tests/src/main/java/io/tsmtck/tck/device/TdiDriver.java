package io.tsmtck.tck.device;

import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.setup.Setup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts a TDI into a given state the way a TSM would, with nothing but the kit's own SPDM session:
 * LOCK, START with the nonce, and, for ERROR, the end of the session that locked it (PCIe Base 6.x
 * 11.4.1) followed by a new session to go on in, with nothing sent in it before the state is read.
 * Then checks with the device that the state was reached, so that a test never starts from a state
 * it only assumed.
 */
public final class TdiDriver {

    private TdiDriver() {
    }

    /**
     * Drives the connected {@code function}'s TDI from CONFIG_UNLOCKED to {@code target}; returns the
     * nonce when the target is CONFIG_LOCKED.
     */
    public static Optional<ByteString> enter(DeviceSut sut, PciFunction function, TdiState target) {
        if (target == TdiState.CONFIG_UNLOCKED) {
            check(sut, function, target);
            return Optional.empty();
        }
        ByteString nonce = sut.tdisp(function).lock();
        enterFromLocked(sut, function, nonce, target);
        return target == TdiState.CONFIG_LOCKED ? Optional.of(nonce) : Optional.empty();
    }

    /**
     * Drives each of the connected {@code functions}' TDIs from CONFIG_UNLOCKED to {@code target}; the
     * nonce of each, present when the target is CONFIG_LOCKED. ERROR is reached for all of them at once:
     * each is locked over the kit's session, which then ends (one session and its keys for every TDI).
     */
    public static Map<PciFunction, Optional<ByteString>> enter(DeviceSut sut, List<PciFunction> functions,
                                                               TdiState target) {
        Map<PciFunction, Optional<ByteString>> nonces = new LinkedHashMap<>();
        if (target != TdiState.ERROR) {
            functions.forEach(function -> nonces.put(function, enter(sut, function, target)));
            return nonces;
        }
        functions.forEach(function -> sut.tdisp(function).lock());
        sut.endSession();
        sut.openSessionOnly();
        for (PciFunction function : functions) {
            check(sut, function, target);
            nonces.put(function, Optional.empty());
        }
        return nonces;
    }

    /**
     * Drives a TDI that is CONFIG_LOCKED with {@code nonce} on to {@code target} (CONFIG_LOCKED, RUN
     * or ERROR) and checks with the device that it got there.
     */
    public static void enterFromLocked(DeviceSut sut, PciFunction function, ByteString nonce, TdiState target) {
        if (target == TdiState.RUN) {
            sut.tdisp(function).start(nonce);
        } else if (target == TdiState.ERROR) {
            // a new session and nothing else before the state is read: a GET_TDISP_VERSION or IDE keys of
            // the kit's own could take the TDI out of ERROR before the test sees it (spdm-emu's do)
            sut.endSession();
            sut.openSessionOnly();
        }
        check(sut, function, target);
    }

    /**
     * Checks with the device that {@code function}'s TDI is in {@code state}, which something the test
     * did beside this driver should have brought about; any other state fails the set-up.
     */
    public static void expect(DeviceSut sut, PciFunction function, TdiState state) {
        check(sut, function, state);
    }

    private static void check(DeviceSut sut, PciFunction function, TdiState target) {
        TdiState reached = sut.tdisp(function).state();
        if (reached != target) {
            throw Setup.failed("drive " + function.address() + " to " + target + (target == TdiState.ERROR
                    ? " (by ending the SPDM session that locked it)" : ""), "the device reports " + reached);
        }
    }
}
