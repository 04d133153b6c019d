package io.tsmtck.tck.assertions;

import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.tck.support.TdiSubject;
import io.tsmtck.api.topology.PciFunction;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a TDI as its device sees it: the state is read from the device with
 * GET_DEVICE_INTERFACE_STATE at the moment of the assertion, never taken from the host's
 * bookkeeping.
 */
public final class TdiAssert extends AbstractAssert<TdiAssert, PciFunction> {

    private final TdiSubject sut;

    TdiAssert(TdiSubject sut, PciFunction function) {
        super(function, TdiAssert.class);
        this.sut = sut;
    }

    /** The device reports the TDI in {@code expected}. */
    public TdiAssert isInState(TdiState expected) {
        isNotNull();
        TdiState state = sut.deviceState(actual);
        if (state != expected) {
            String subject = "TDI of " + actual.address() + " (" + sut + ")"
                    + (descriptionText().isEmpty() ? "" : ", " + descriptionText());
            failWithActualExpectedAndMessage(state, expected, Failures.message(subject, expected, state));
        }
        return this;
    }
}
