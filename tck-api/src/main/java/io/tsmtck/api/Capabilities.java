package io.tsmtck.api;

import io.tsmtck.api.topology.TopologyRequest;
import java.time.Duration;
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
 * @param latency how long its calls take, from which the kit scales its default timeouts
 * @param uapi the kernel uAPI it implements: mainline, plus the series and proposals it carries; rules
 *     that need more are NOT_APPLICABLE, and the certificate names it
 */
public record Capabilities(Set<VendorProfile> profiles, int maxDsms, int maxFunctionsPerDsm, int maxVfsPerDsm,
                           Set<Capability> features, Latency latency, UapiLevel uapi) {

    /**
     * How long a provider's operations take on its platform, as measured by its authors: an SPI call
     * (an ioctl or sysfs write on a kernel-backed stack) and building one stack. The kit's default
     * per-test and run timeouts grow with them; what a user sets explicitly is never changed.
     *
     * @param call a typical SPI call
     * @param stackSetup one {@link TsmStackProvider#create}
     */
    public record Latency(Duration call, Duration stackSetup) {

        /** Nothing declared: an in-memory implementation. */
        public static final Latency NONE = new Latency(Duration.ZERO, Duration.ZERO);

        public Latency {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(stackSetup, "stackSetup");
            if (call.isNegative() || stackSetup.isNegative()) {
                throw new IllegalArgumentException("latencies are not negative: " + call + ", " + stackSetup);
            }
        }
    }

    /** Capabilities of a provider that declares no latency and mainline's uAPI only. */
    public Capabilities(Set<VendorProfile> profiles, int maxDsms, int maxFunctionsPerDsm, int maxVfsPerDsm,
                        Set<Capability> features) {
        this(profiles, maxDsms, maxFunctionsPerDsm, maxVfsPerDsm, features, Latency.NONE, UapiLevel.MAINLINE);
    }

    /** Capabilities of a provider that declares mainline's uAPI only. */
    public Capabilities(Set<VendorProfile> profiles, int maxDsms, int maxFunctionsPerDsm, int maxVfsPerDsm,
                        Set<Capability> features, Latency latency) {
        this(profiles, maxDsms, maxFunctionsPerDsm, maxVfsPerDsm, features, latency, UapiLevel.MAINLINE);
    }

    /** These capabilities with {@code latency} declared. */
    public Capabilities withLatency(Latency latency) {
        return new Capabilities(profiles, maxDsms, maxFunctionsPerDsm, maxVfsPerDsm, features, latency, uapi);
    }

    /** These capabilities with the uAPI {@code level} declared. */
    public Capabilities withUapi(UapiLevel level) {
        return new Capabilities(profiles, maxDsms, maxFunctionsPerDsm, maxVfsPerDsm, features, latency, level);
    }

    public Capabilities {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(uapi, "uapi (UapiLevel.MAINLINE when the stack carries nothing beyond mainline)");
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
