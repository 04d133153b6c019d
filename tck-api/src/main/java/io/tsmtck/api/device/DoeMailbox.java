package io.tsmtck.api.device;

import io.tsmtck.api.spdm.DoeObject;
import java.io.IOException;
import java.util.Optional;

/**
 * One device's DOE mailbox (PCIe Base 6.x 6.30), seen from the requester: a data object in, the
 * answer out. Implementations are the in-process reference device, the SPDM socket protocol of
 * spdm-emu and QEMU, and a mailbox in PCI configuration space.
 *
 * <p>Lifecycle: opened by its creator; {@link #close()} ends the connection (a socket sends
 * SHUTDOWN). Threading: one exchange at a time, as a mailbox serialises them; callers serialise.
 */
public interface DoeMailbox extends AutoCloseable {

    /**
     * Sends one data object and waits for the answer.
     *
     * @return the answer, or empty when the device answers nothing (a message it drops)
     * @throws IOException when the transport fails: closed, timed out, broken framing
     */
    Optional<DoeObject> exchange(DoeObject request) throws IOException;

    @Override
    void close() throws IOException;
}
