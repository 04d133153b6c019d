package io.tsmtck.emu.vendor;

import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A firmware interface that takes one call at a time and answers BUSY to a call that arrives while
 * another is in progress (TDX module: {@code TDX_OPERAND_BUSY}). The host driver retries a busy call;
 * {@link #call} models that retry as waiting for the gate.
 *
 * <p>Threading: the point of the class.
 */
public final class FirmwareGate {

    private final ReentrantLock inFlight = new ReentrantLock();
    private final FirmwareLog log;
    private final boolean serialised;

    /**
     * @param serialised false only under the fault that lets calls overlap
     */
    public FirmwareGate(FirmwareLog log, boolean serialised) {
        this.log = log;
        this.serialised = serialised;
    }

    /** One attempt: {@code EBUSY} if another call is in progress. */
    public <T> Result<T> tryCall(String name, Supplier<Result<T>> call) {
        if (!serialised) {
            log.record(name);
            return call.get();
        }
        if (!inFlight.tryLock()) {
            return Result.refused(Errno.EBUSY, name + ": firmware busy");
        }
        try {
            log.record(name);
            return call.get();
        } finally {
            inFlight.unlock();
        }
    }

    /** A call that waits its turn, as the driver's retry on BUSY does. */
    public <T> Result<T> call(String name, Supplier<Result<T>> call) {
        if (!serialised) {
            return tryCall(name, call);
        }
        inFlight.lock();
        try {
            log.record(name);
            return call.get();
        } finally {
            inFlight.unlock();
        }
    }
}
