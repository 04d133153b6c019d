package io.tsmtck.tck.host;

import io.tsmtck.api.Capability;
import io.tsmtck.api.FailNth;
import io.tsmtck.api.HostStack;
import io.tsmtck.api.errno.Result;
import io.tsmtck.tck.binding.ImplementationFailure;
import io.tsmtck.tck.setup.Setup;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Makes one call fail at each of its fault-injection points in turn, as
 * tools/testing/selftests/iommu/iommufd_fail_nth.c does: point 1, then 2, and so on until the call
 * runs to its end without reaching the armed point. After each run that was refused,
 * {@code afterRefusal} checks what the refusal left and puts the subject back as it was; after each
 * run that succeeded ({@code afterSuccess}: a failure the call absorbs, such as a sub-function's
 * probe at connect, or the last run, which reached no armed point) it undoes the call.
 *
 * <p>A hook that injects nothing cannot pass: the call must reach at least one point, and at least
 * one injected failure must make it fail.
 */
public final class FailNthSweep {

    /** The most points a sweep visits; a call with more fails its test as one whose sweep never ends. */
    public static final int MAX_POINTS = 1_000;

    private final FailNth failNth;

    private FailNthSweep(FailNth failNth) {
        this.failNth = failNth;
    }

    /**
     * A sweep over {@code sut}'s fail-nth hook ({@link Capability#FAIL_NTH}): NOT_TESTED unless the
     * provider declares it.
     */
    public static FailNthSweep on(HostSut sut) {
        return new FailNthSweep(sut.hook(Capability.FAIL_NTH, HostStack::failNth));
    }

    /**
     * Sweeps {@code attempt}, named {@code call} in messages, over its fault-injection points.
     *
     * @return how many points the call has
     */
    public long sweep(String call, Supplier<Result<?>> attempt, LongConsumer afterRefusal, LongConsumer afterSuccess) {
        long refusals = 0;
        for (long n = 1; n <= MAX_POINTS; n++) {
            failNth.arm(n);
            Result<?> result;
            boolean injected;
            try {
                result = attempt.get();
            } finally {
                injected = failNth.disarm();
            }
            if (!injected) {
                Setup.require(result, call + " without an injected failure (fail-nth " + n + " was not reached)");
                afterSuccess.accept(n);
                return finished(call, n - 1, refusals);
            }
            if (result.isOk()) {
                afterSuccess.accept(n);
            } else {
                refusals++;
                afterRefusal.accept(n);
            }
        }
        throw ImplementationFailure.breach(call + " still reached fault-injection point " + MAX_POINTS
                + " with fail-nth armed; the kit sweeps at most " + MAX_POINTS + " points: check that arm(n) counts"
                + " from the call and disarm() ends the injection, and that the call does not loop (a call with more"
                + " points than the kit sweeps is not supported yet)");
    }

    private static long finished(String call, long points, long refusals) {
        if (points == 0 || refusals == 0) {
            throw ImplementationFailure.breach(call + " reached " + points + " fault-injection point(s) and failed "
                    + refusals + " time(s) under fail-nth: the FailNth hook injects nothing the call sees; on Linux,"
                    + " enable failslab (and the fault types the call reaches) for the task, as iommufd_fail_nth.c"
                    + " does, and arm /proc/thread-self/fail-nth on the thread that makes the call");
        }
        return points;
    }
}
