package io.tsmtck.api;

import io.tsmtck.api.topology.TopologyRequest;
import java.util.Objects;

/**
 * What the kit asks a provider to build for one test.
 *
 * @param profile the vendor profile
 * @param topology the platform's shape
 * @param seed the seed for every random choice the stack makes (nonces, ids), so that a run can be
 *     replayed; the kit prints it
 */
public record StackRequest(VendorProfile profile, TopologyRequest topology, long seed) {

    public StackRequest {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(topology, "topology");
    }
}
