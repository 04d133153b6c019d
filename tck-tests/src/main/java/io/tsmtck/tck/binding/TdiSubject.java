package io.tsmtck.tck.binding;

import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.TopologyRequest;
import java.util.Optional;

/**
 * What assertions about TDIs need of their subject, host stack or device: the state the device
 * reports, and the topology the subject has.
 */
public interface TdiSubject {

    /**
     * The TDI state as the device reports it: asked with GET_DEVICE_INTERFACE_STATE by the device
     * kit, read through the stack's TDI probe by the host kit; empty when the subject gives no way
     * to observe it (a host stack without {@link io.tsmtck.api.Capability#TDI_PROBE}).
     */
    Optional<TdiState> deviceState(PciFunction function);

    /** The hook that would make {@link #deviceState} observable, for the NOT_TESTED reason. */
    default String toObserveState() {
        return "";
    }

    /** The topology this test's subject has. */
    TopologyRequest topology();
}
