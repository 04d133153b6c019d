package io.tsmtck.tck.support;

import io.tsmtck.api.VendorProfile;
import io.tsmtck.api.topology.TopologyRequest;
import java.util.Objects;

/**
 * Which stack a test runs against: a vendor profile and a topology.
 *
 * @param profile the vendor profile
 * @param topology the topology
 */
public record StackSpec(VendorProfile profile, TopologyRequest topology) {

    public StackSpec {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(topology, "topology");
    }

    @Override
    public String toString() {
        return profile + " [" + topology.dsms() + " DSM x " + topology.functionsPerDsm() + " PF"
                + (topology.vfsPerDsm() > 0 ? " + " + topology.vfsPerDsm() + " VF" : "") + "]";
    }
}
