package io.tsmtck.tck.host;

import io.tsmtck.api.Capabilities;
import io.tsmtck.api.FixedDevice;
import io.tsmtck.api.VendorProfile;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.host.inventory.Inventory;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The stacks a parameterized test runs against: one per vendor profile the implementation
 * declares. Each {@link HostSut} is built lazily, when its test first touches it, and closed by JUnit
 * after the invocation (parameterized-test arguments that are {@link AutoCloseable} are closed).
 */
public final class Suts {

    /**
     * Two PFs and two VFs ({@value KitConfig#VFS} more), two BARs each: enough to tell sub-functions
     * apart.
     */
    public static final TopologyRequest WITH_SUBFUNCTIONS = new TopologyRequest(1, 2, KitConfig.vfs(),
            List.of(64L * 1024, 16L * 1024));

    /** {@code @MethodSource(Suts.EVERY_PROFILE)}: one stack per declared profile, minimal topology. */
    public static final String EVERY_PROFILE = "io.tsmtck.tck.host.Suts#everyProfile";

    private Suts() {
    }

    /**
     * The specs of every declared profile with {@code wanted} cut down to what the subject has
     * (see {@link #fit}), in enum order; in inventory mode, one per fixed device, cut down to what
     * that device has.
     */
    public static Stream<StackSpec> specs(TopologyRequest wanted) {
        List<FixedDevice> inventory = Implementation.provider().inventory();
        if (!inventory.isEmpty()) {
            return inventory.stream().map(device -> new StackSpec(device.profile(),
                    fit(wanted, Inventory.topologyOf(device, wanted.barSizes())), Optional.of(device)));
        }
        Capabilities capabilities = Implementation.provider().capabilities();
        TopologyRequest topology = fit(wanted, capabilities);
        return Stream.of(VendorProfile.values()).filter(capabilities.profiles()::contains)
                .map(profile -> new StackSpec(profile, topology));
    }

    /**
     * The largest topology within both {@code wanted} and what {@code capabilities} declare: tests
     * run on the functions the subject has, so a single-function device without SR-IOV still gets
     * every rule that can apply to it, on PF0.
     */
    public static TopologyRequest fit(TopologyRequest wanted, Capabilities capabilities) {
        return fit(wanted, new TopologyRequest(capabilities.maxDsms(), capabilities.maxFunctionsPerDsm(),
                capabilities.maxVfsPerDsm(), wanted.barSizes()));
    }

    /** The largest topology within both {@code wanted} and {@code largest}, with {@code wanted}'s BARs. */
    public static TopologyRequest fit(TopologyRequest wanted, TopologyRequest largest) {
        return new TopologyRequest(Math.min(wanted.dsms(), largest.dsms()),
                Math.min(wanted.functionsPerDsm(), largest.functionsPerDsm()),
                Math.min(wanted.vfsPerDsm(), largest.vfsPerDsm()), wanted.barSizes());
    }

    /** One lazily built stack per declared profile, minimal topology. */
    public static Stream<HostSut> everyProfile() {
        return everyProfile(TopologyRequest.minimal());
    }

    /** One lazily built stack per declared profile with {@code topology}. */
    public static Stream<HostSut> everyProfile(TopologyRequest topology) {
        return specs(topology).map(HostSut::new);
    }
}
