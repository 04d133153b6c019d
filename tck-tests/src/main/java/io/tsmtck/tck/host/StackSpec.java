package io.tsmtck.tck.host;

import io.tsmtck.api.FixedDevice;
import io.tsmtck.api.VendorProfile;
import io.tsmtck.api.topology.TopologyRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * Which stack a test runs against: a vendor profile and a topology, built by the provider, or one
 * of the provider's fixed devices (inventory mode).
 *
 * @param profile the vendor profile
 * @param topology the topology the test is cut down to
 * @param device the fixed device, in inventory mode
 */
public record StackSpec(VendorProfile profile, TopologyRequest topology, Optional<FixedDevice> device) {

    public StackSpec {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(device, "device");
    }

    /** A stack the provider builds. */
    public StackSpec(VendorProfile profile, TopologyRequest topology) {
        this(profile, topology, Optional.empty());
    }

    @Override
    public String toString() {
        return profile + " [" + topology.dsms() + " DSM x " + topology.functionsPerDsm() + " PF"
                + (topology.vfsPerDsm() > 0 ? " + " + topology.vfsPerDsm() + " VF" : "") + "]"
                + device.map(d -> " on " + d.name()).orElse("");
    }
}
