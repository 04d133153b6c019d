package io.tsmtck.tck.support;

import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.TopologyRequest;

/**
 * What tests and assertions about TDIs need of their subject, host stack or device: a TDISP client
 * per function, the state the device reports, and the topology the subject has.
 */
public interface TdiSubject {

    /** A TDISP client for {@code function}'s TDI. */
    TdispClient tdisp(PciFunction function);

    /** The TDI state as the device reports it with GET_DEVICE_INTERFACE_STATE. */
    TdiState deviceState(PciFunction function);

    /** The topology this test's subject has. */
    TopologyRequest topology();
}
