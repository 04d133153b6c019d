package io.tsmtck.tck.host.inventory;

import io.tsmtck.api.FixedDevice;
import io.tsmtck.api.topology.Dsm;
import io.tsmtck.api.topology.FunctionRole;
import io.tsmtck.api.topology.Topology;
import io.tsmtck.api.topology.TopologyRequest;
import java.util.List;

/** What a fixed device has, as the topology a test is cut down to. */
public final class Inventory {

    private Inventory() {
    }

    /**
     * The topology {@code device} has: its DSMs, and the PFs and VFs of its first DSM, with
     * {@code barSizes} as the BARs a test asks for (the device's own are read from its functions).
     *
     * @throws IllegalStateException naming the device, if its stack cannot say
     */
    public static TopologyRequest topologyOf(FixedDevice device, List<Long> barSizes) {
        Topology topology;
        try {
            topology = device.stack().topology();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the fixed device " + device.name() + " cannot give its topology"
                    + " (HostStack.topology() threw " + e + "); fix the provider's inventory", e);
        }
        if (topology == null || topology.dsms().isEmpty()) {
            throw new IllegalStateException("the fixed device " + device.name() + " has no DSM in its topology;"
                    + " an inventory lists devices with a DSM each");
        }
        Dsm first = topology.dsms().get(0);
        int pfs = (int) first.functions().stream().filter(f -> f.role() != FunctionRole.VF).count();
        int vfs = (int) first.functions().stream().filter(f -> f.role() == FunctionRole.VF).count();
        return new TopologyRequest(topology.dsms().size(), pfs, vfs, barSizes);
    }
}
