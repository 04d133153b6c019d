package io.tsmtck.api;

/**
 * The kernel's fail-nth fault injection: an optional test hook of a host stack
 * ({@link Capability#FAIL_NTH}). The kit makes one call fail part-way, at each of the points
 * where it can fail in turn, and checks that the failure left nothing behind, as
 * tools/testing/selftests/iommu/iommufd_fail_nth.c does for iommufd.
 *
 * <p>On Linux it is {@code /proc/thread-self/fail-nth} of a kernel built with
 * {@code CONFIG_FAULT_INJECTION} and failslab (and fail_page_alloc) enabled: writing {@code n} makes
 * the n-th fault-injection point the thread then reaches fail, and reading the file back gives 0 when
 * that failure was injected. Only allocations have such points: a TSM's firmware calls (SEV, TDX
 * module, RMM) never reach {@code should_fail()}, so what is swept is the kernel's allocations along
 * the call, not firmware refusals. Arm, call and disarm back to back on one thread, with no Java work
 * between the write and the ioctl that could allocate in the kernel (a JVM's own system calls there
 * would use the n-th point up): an adapter writes {@code n} and makes the ioctl in one native call.
 *
 * <p><b>Threading.</b> Per thread: the kit arms, makes the call and disarms on one thread.
 */
public interface FailNth {

    /**
     * Makes the {@code n}-th fault-injection point (counted from 1) that the calling thread reaches
     * from now on fail, as an allocation or firmware call failing with its error would.
     *
     * @throws IllegalArgumentException if {@code n} is below 1
     */
    void arm(long n);

    /**
     * Disarms what {@link #arm} set, and says whether the failure was injected (the call reached
     * point {@code n}); {@code false} means the call ran to its end with fewer points.
     */
    boolean disarm();
}
