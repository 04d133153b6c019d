package io.tsmtck.tck.device;

import io.tsmtck.api.device.DeviceUnderTest;
import io.tsmtck.api.topology.TopologyRequest;
import java.io.IOException;
import java.util.Optional;

/**
 * Where the device kit's devices come from: a {@link io.tsmtck.api.device.DeviceProvider} that
 * builds a fresh one per test, or one real device (socket, DOE mailbox) that every test shares and
 * that the kit brings back to CONFIG_UNLOCKED between tests.
 */
public interface DeviceSource {

    /** For the report: the provider's name, or the transport's address. */
    String describe();

    /** The most functions a test can have (one DSM). */
    TopologyRequest largest();

    /**
     * Whether every {@link #open} gives a device in its initial state; if not, the kit stops every
     * TDI that is not CONFIG_UNLOCKED before a test uses it (the reset contract).
     */
    boolean fresh();

    /** A device with the functions of {@code wanted} (cut to {@link #largest()}). */
    DeviceUnderTest open(TopologyRequest wanted) throws IOException;

    /** The class whose jar is the implementation under test, for the report's SHA-256; empty for a remote device. */
    default Optional<Class<?>> implementation() {
        return Optional.empty();
    }

    /** The end of the run: closes what the source keeps open (a socket sends SHUTDOWN). */
    void closeAll();
}
