package io.tsmtck.api;

import io.tsmtck.api.topology.TopologyRequest;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a provider can build: its vendor profiles, the largest topology, and its test hooks. The kit
 * runs every test on the topology it can have (up to the shape a test wants), so a smaller
 * topology only rules out what cannot apply to it (no VFs: the VF rules are NOT_APPLICABLE); it
 * never skips a rule that could run.
 *
 * @param profiles the vendor profiles it implements, at least one
 * @param maxDsms most DSMs in one stack
 * @param maxFunctionsPerDsm most physical functions per DSM
 * @param maxVfsPerDsm most SR-IOV virtual functions of PF0 per DSM; 0 for a device without SR-IOV
 * @param features the test hooks it provides
 */
public record Capabilities(Set<VendorProfile> profiles, int maxDsms, int maxFunctionsPerDsm, int maxVfsPerDsm,
                           Set<Capability> features) {

    public Capabilities {
        profiles = Set.copyOf(profiles);
        features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("a provider implements at least one vendor profile");
        }
        if (maxDsms < 1 || maxFunctionsPerDsm < 1 || maxVfsPerDsm < 0) {
            throw new IllegalArgumentException("at least one DSM with one function");
        }
    }

    /** Whether {@code feature} is declared. */
    public boolean has(Capability feature) {
        return features.contains(feature);
    }

    /** Whether a stack of {@code profile} and {@code topology} can be built. */
    public boolean supports(VendorProfile profile, TopologyRequest topology) {
        Objects.requireNonNull(topology, "topology");
        return profiles.contains(profile) && topology.dsms() <= maxDsms
                && topology.functionsPerDsm() <= maxFunctionsPerDsm && topology.vfsPerDsm() <= maxVfsPerDsm;
    }
}
