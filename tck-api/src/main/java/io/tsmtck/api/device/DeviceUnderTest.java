package io.tsmtck.api.device;

import io.tsmtck.api.topology.PciFunction;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * One device as the device kit meets it: a DOE mailbox on which the kit is the SPDM requester (it
 * opens its own secured session, programs IDE keys with IDE_KM and drives TDISP, as a TSM would),
 * the functions whose TDIs it tests, and what a rig can do to the device besides.
 *
 * <p>Nothing here goes through a host TSM: a lab machine with the device in a slot, an emulator
 * behind a socket, or an in-process model can all offer it.
 *
 * <p>Lifecycle: one per test; {@link #close()} ends it (an in-process device is dropped, a
 * connection to a real one is given back after the kit reset its TDIs). Threading: one test at a
 * time; the mailbox serialises exchanges.
 */
public interface DeviceUnderTest extends AutoCloseable {

    /** How the kit reaches the device, for the report: {@code in-process}, {@code tcp://127.0.0.1:2323}, ... */
    String transport();

    /** The device's DOE mailbox (PF0's DOE instance that speaks SPDM and secured SPDM). */
    DoeMailbox mailbox();

    /**
     * The functions to test, the DSM (PF0) first, then other PFs, then VFs; each one's TDISP
     * INTERFACE_ID is {@link PciFunction#interfaceId()}.
     */
    List<PciFunction> functions();

    /** What only a rig can do to the device (configuration space, resets, events); empty if nothing. */
    Optional<DeviceControl> control();

    @Override
    void close() throws IOException;
}
