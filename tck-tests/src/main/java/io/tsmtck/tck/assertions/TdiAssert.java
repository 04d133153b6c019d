package io.tsmtck.tck.assertions;

import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.tck.binding.RuleContext;
import io.tsmtck.tck.binding.TdiSubject;
import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.setup.Await;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.AbstractAssert;
import org.opentest4j.TestAbortedException;

/**
 * Assertions on a TDI as its device sees it: the state is read from the device at the moment of
 * the assertion (GET_DEVICE_INTERFACE_STATE in the device kit, the stack's TDI probe in the host
 * kit), never taken from the host's bookkeeping.
 */
public final class TdiAssert extends AbstractAssert<TdiAssert, PciFunction> {

    private final TdiSubject sut;

    TdiAssert(TdiSubject sut, PciFunction function) {
        super(function, TdiAssert.class);
        this.sut = sut;
    }

    /**
     * The device reports the TDI in {@code expected}. A subject that gives no way to observe the
     * device (a host stack without a TDI probe) leaves the clause unchecked: the test goes on, and
     * ends NOT_TESTED if nothing else fails.
     */
    public TdiAssert isInState(TdiState expected) {
        isNotNull();
        String subject = "TDI of " + actual.address() + " (" + sut + ")"
                + (descriptionText().isEmpty() ? "" : ", " + descriptionText());
        Optional<TdiState> state = sut.deviceState(actual);
        if (state.isEmpty()) {
            String what = subject + ": " + expected;
            RuleContext context = RuleContext.current().orElseThrow(() -> new TestAbortedException(
                    sut.toObserveState() + "; unchecked: " + what));
            context.unobserved(what, sut.toObserveState());
        } else if (state.get() != expected) {
            failWithActualExpectedAndMessage(state.get(), expected, Failures.message(subject, expected, state.get()));
        }
        return this;
    }

    /**
     * The device reports the TDI in {@code expected} now and at every look over the "absent"
     * timeout ({@value KitConfig#TIMEOUT_ABSENT}): a change that comes later than the call that
     * caused it (an asynchronous start, a late restore) fails as a change at once does.
     */
    public TdiAssert staysInState(TdiState expected) {
        isInState(expected);
        if (sut.deviceState(actual).isEmpty()) {
            return this;
        }
        AtomicReference<TdiState> seen = new AtomicReference<>(expected);
        boolean held = Await.holdsThroughout(() -> {
            TdiState state = sut.deviceState(actual).orElse(expected);
            seen.set(state);
            return state == expected;
        });
        if (!held) {
            String subject = "TDI of " + actual.address() + " (" + sut + ")"
                    + (descriptionText().isEmpty() ? "" : ", " + descriptionText()) + ", watched for "
                    + KitConfig.timeoutAbsent().toMillis() + " ms";
            failWithActualExpectedAndMessage(seen.get(), expected, Failures.message(subject, expected, seen.get()));
        }
        return this;
    }
}
