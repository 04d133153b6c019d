package io.tsmtck.api.device;

import io.tsmtck.api.topology.TopologyRequest;
import java.io.IOException;

/**
 * A device the kit can build itself, fresh for every test: an in-process model or an emulator the
 * provider starts. Found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.tsmtck.api.device.DeviceProvider}). A device reached over a socket
 * or a DOE mailbox needs no provider: the kit is told where it is.
 *
 * <p>Threading: {@link #open} may be called from any thread; each device it returns is used by one
 * test.
 */
public interface DeviceProvider {

    /** A human-readable name for the report. */
    String name();

    /** The most functions a device of this provider can have (one DSM; its PFs and VFs). */
    TopologyRequest largest();

    /**
     * A fresh device with {@code request.functionsPerDsm()} PFs and {@code request.vfsPerDsm()} VFs
     * (within {@link #largest()}), every TDI CONFIG_UNLOCKED.
     *
     * @param seed the run's seed, for whatever the device randomises
     */
    DeviceUnderTest open(TopologyRequest request, long seed) throws IOException;
}
