package io.tsmtck.emu.faults;

import io.tsmtck.api.FailNth;
import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Counts every resource a stack allocates and frees, and fails the n-th allocation on request: the
 * emulation's {@code fail_nth} (tools/testing/selftests/iommu/iommufd_fail_nth.c), which injects a
 * failure at every allocation in turn and then checks that nothing leaked.
 *
 * <p>It is also the stack's {@link FailNth} hook: {@link #arm} chooses the failing allocation
 * counted from then on, as writing {@code /proc/thread-self/fail-nth} does.
 *
 * <p>Threading: all methods synchronise on the ledger; one ledger per stack (the emulation's
 * stand-in for the kernel's per-thread counter: a stack's calls come from one test).
 */
public final class ResourceLedger implements FailNth {

    /** Kinds of resources the emulation accounts for. */
    public enum Kind {
        SPDM_SESSION, IDE_STREAM, TSM_CONTEXT, TDI, VFIO_DEVICE, MMAP, DMABUF, DMABUF_ATTACHMENT,
        IOMMUFD_OBJECT, VM
    }

    private final Map<Kind, Integer> live = new EnumMap<>(Kind.class);
    private long failAt;
    private long allocations;
    private boolean injected;

    /**
     * A ledger that fails allocation number {@code failAt} (1-based), or none for {@code 0}.
     */
    public ResourceLedger(long failAt) {
        if (failAt < 0) {
            throw new IllegalArgumentException("failAt is 0 (never) or the 1-based allocation to fail");
        }
        this.failAt = failAt;
    }

    /**
     * Accounts for one {@code kind} about to be made by {@code make}, unless this is the allocation
     * chosen to fail, which is refused with {@code ENOMEM} and makes nothing.
     */
    public synchronized <T> Result<T> allocate(Kind kind, Supplier<Result<T>> make) {
        if (failsNext()) {
            return Result.refused(Errno.ENOMEM, "fail_nth: allocation " + allocations + " (" + kind + ") failed");
        }
        Result<T> result = make.get();
        if (result.isOk()) {
            live.merge(kind, 1, Integer::sum);
        }
        return result;
    }

    /**
     * Counts one firmware call or other fallible step that holds no resource; the chosen one is
     * refused with {@code ENOMEM} as an allocation would be.
     */
    public synchronized Result<Done> step(String what) {
        if (failsNext()) {
            return Result.refused(Errno.ENOMEM, "fail_nth: step " + allocations + " (" + what + ") failed");
        }
        return Result.done();
    }

    /** Counts one fallible point; whether it is the one chosen to fail. */
    private boolean failsNext() {
        allocations++;
        if (allocations != failAt) {
            return false;
        }
        injected = true;
        return true;
    }

    @Override
    public synchronized void arm(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("fail-nth counts from 1, not " + n);
        }
        failAt = allocations + n;
        injected = false;
    }

    @Override
    public synchronized boolean disarm() {
        failAt = 0;
        boolean result = injected;
        injected = false;
        return result;
    }

    /** Accounts for one {@code kind} freed. */
    public synchronized void free(Kind kind) {
        int count = live.getOrDefault(kind, 0);
        if (count == 0) {
            throw new IllegalStateException("freeing a " + kind + " that was never allocated");
        }
        live.put(kind, count - 1);
    }

    /** Resources still live, by kind; empty when everything was freed. */
    public synchronized Map<Kind, Integer> live() {
        Map<Kind, Integer> result = new EnumMap<>(Kind.class);
        live.forEach((kind, count) -> {
            if (count > 0) {
                result.put(kind, count);
            }
        });
        return result;
    }

    /** How many allocations were attempted. */
    public synchronized long allocations() {
        return allocations;
    }
}
