package acme;

import io.tsmtck.api.device.DeviceControl;
import io.tsmtck.api.device.DeviceProvider;
import io.tsmtck.api.device.DeviceUnderTest;
import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.emu.ReferenceDeviceProvider;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A correct device reached without a rig: the kit can speak to its mailbox but cannot write its
 * configuration space, reset it or inject events. What it did not let the kit test is not certified.
 */
public final class NoRigDevice implements DeviceProvider {

    private final DeviceProvider reference = new ReferenceDeviceProvider();

    @Override
    public String name() {
        return "ACME device without a rig (correct reference)";
    }

    @Override
    public TopologyRequest largest() {
        return reference.largest();
    }

    @Override
    public DeviceUnderTest open(TopologyRequest request, long seed) throws IOException {
        DeviceUnderTest device = reference.open(request, seed);
        return new DeviceUnderTest() {
            @Override
            public String transport() {
                return device.transport();
            }

            @Override
            public DoeMailbox mailbox() {
                return device.mailbox();
            }

            @Override
            public List<PciFunction> functions() {
                return device.functions();
            }

            @Override
            public Optional<DeviceControl> control() {
                return Optional.empty();
            }

            @Override
            public void close() throws IOException {
                device.close();
            }
        };
    }
}
