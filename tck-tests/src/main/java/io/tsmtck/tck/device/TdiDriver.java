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
        lockedThenInError(sut, functions).keySet().forEach(function -> nonces.put(function, Optional.empty()));
        return nonces;
    }

    /**
     * Locks each of the connected {@code functions}' TDIs over the kit's session, ends that session once, and
     * checks with the device that every one of them is in ERROR; the nonces of the locks the end destroyed.
     */
    public static Map<PciFunction, ByteString> lockedThenInError(DeviceSut sut, List<PciFunction> functions) {
        Map<PciFunction, ByteString> nonces = new LinkedHashMap<>();
        functions.forEach(function -> nonces.put(function, sut.tdisp(function).lock()));
        errorBySessionEnd(sut, functions);
        return nonces;
    }

    /**
     * Ends the kit's session, over which each of {@code functions}' TDIs was locked (CONFIG_LOCKED or RUN), and
     * checks with the device that every one is in ERROR. A new session and nothing else comes before the state
     * is read: a GET_TDISP_VERSION or IDE keys of the kit's own could take a TDI out of ERROR before the test
     * sees it (spdm-emu's do).
     */
    public static void errorBySessionEnd(DeviceSut sut, List<PciFunction> functions) {
        sut.endSession();
        sut.openSessionOnly();
        functions.forEach(function -> check(sut, function, TdiState.ERROR));
    }

    /**
     * Drives a TDI that is CONFIG_LOCKED with {@code nonce} on to {@code target} (CONFIG_LOCKED, RUN
     * or ERROR) and checks with the device that it got there.
     */
    public static void enterFromLocked(DeviceSut sut, PciFunction function, ByteString nonce, TdiState target) {
        if (target == TdiState.ERROR) {
            errorBySessionEnd(sut, List.of(function));
            return;
        }
        if (target == TdiState.RUN) {
            sut.tdisp(function).start(nonce);
        }
        check(sut, function, target);
    }

    private static void check(DeviceSut sut, PciFunction function, TdiState target) {
        TdiState reached = sut.tdisp(function).state();
        if (reached != target) {
            throw Setup.failed("drive " + function.address() + " to " + target + (target == TdiState.ERROR
                    ? " (by ending the SPDM session that locked it)" : ""), "the device reports " + reached);
        }
    }
}
