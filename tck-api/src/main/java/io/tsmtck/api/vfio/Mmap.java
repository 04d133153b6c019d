package io.tsmtck.api.vfio;

/**
 * A userspace mapping of part of a BAR ({@code mmap} on the VFIO device fd).
 *
 * <p>Lifecycle: made by {@link VfioDevice#mmap}; {@link #close()} unmaps. While it exists the
 * device's TDI cannot be bound (the kernel "can validate it is not mapped", January 2025
 * dri-devel message). Clearing memory decode zaps it ({@link #isZapped()}): the VMA stays, CPU
 * access faults until decode is restored.
 *
 * <p>Threading: safe for use from any thread.
 */
public interface Mmap extends AutoCloseable {

    /** The BAR's region index. */
    int region();

    /** Offset into the BAR. */
    long offset();

    /** Length in bytes. */
    long length();

    /** Whether the PTEs are currently zapped (memory decode off or a reset in progress). */
    boolean isZapped();

    /** Unmaps. Closing twice is harmless. */
    @Override
    void close();
}
