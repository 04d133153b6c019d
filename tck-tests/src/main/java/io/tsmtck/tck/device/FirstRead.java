package io.tsmtck.tck.device;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.tdisp.DeviceInterfaceStateResponse;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.tck.binding.RuleContext;

/**
 * What the end of a session left a TDI in, observed before the kit sends anything that could change
 * it: a new session (no GET_TDISP_VERSION, no IDE keys), then GET_DEVICE_INTERFACE_STATE first.
 */
public final class FirstRead {

    private FirstRead() {
    }

    /**
     * Asserts that {@code function}'s TDI reads {@code expected} first thing in a new session
     * ({@code when} says what ended the last one). A device that wants GET_TDISP_VERSION first gets
     * that and nothing else; a state other than {@code expected} after it is not the kit's to judge,
     * and the rule's clause is left unobserved.
     */
    public static void assertStateInNewSession(DeviceSut sut, PciFunction function, TdiState expected, String when) {
        TdispClient tdisp = sut.openSessionOnly().tdisp(function);
        TdispAnswer first = tdisp.send(HeaderOnlyMessage.getState(tdisp.header()));
        if (first.message().filter(DeviceInterfaceStateResponse.class::isInstance).isEmpty()) {
            tdisp.send(HeaderOnlyMessage.getVersion(tdisp.header()));
            TdiState later = tdisp.state();
            if (later != expected) {
                RuleContext.current().orElseThrow().unobserved("the TDI state of " + function.address() + " " + when
                        + " (" + later + " only after the kit's GET_TDISP_VERSION, which may have changed it)",
                        "the device answered the first GET_DEVICE_INTERFACE_STATE of the new session with " + first);
            }
            return;
        }
        assertThat(sut, function).as(when + ", read first thing in a new session").isInState(expected);
    }
}
