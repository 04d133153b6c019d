package io.tsmtck.api.vfio;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Result;

/**
 * A userspace mapping of part of a BAR ({@code mmap} on the VFIO device fd).
 *
 * <p>Lifecycle: made by {@link VfioDevice#mmap}; {@link #close()} unmaps. While it exists the
 * device's TDI cannot be bound (the kernel "can validate it is not mapped", January 2025
 * dri-devel message). Clearing memory decode zaps it: the VMA stays, and CPU access
 * through it faults ({@link #access()}) until decode is restored.
 *
 * <p>Threading: safe for use from any thread.
 */
public interface Mmap extends AutoCloseable {

    /**
     * A CPU read through the mapping, as a process touching the first byte would. Refused with
     * {@code EFAULT} (the process would get SIGBUS) while the PTEs are zapped and memory decode is
     * off.
     */
    Result<Done> access();

    /** Unmaps. Closing twice is harmless. */
    @Override
    void close();
}
