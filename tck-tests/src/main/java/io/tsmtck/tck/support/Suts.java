package io.tsmtck.tck.support;

import io.tsmtck.api.VendorProfile;
import io.tsmtck.api.topology.TopologyRequest;
import java.util.List;
import java.util.stream.Stream;

/**
 * The stacks a parameterized test runs against: one per vendor profile the implementation
 * declares. Each {@link Sut} is built lazily, when its test first touches it, and closed by JUnit
 * after the invocation (parameterized-test arguments that are {@link AutoCloseable} are closed).
 */
public final class Suts {

    /** Two PFs and two VFs, two BARs each: enough to tell sub-functions apart. */
    public static final TopologyRequest WITH_SUBFUNCTIONS = new TopologyRequest(1, 2, 2,
            List.of(64L * 1024, 16L * 1024));

    /** {@code @MethodSource(Suts.EVERY_PROFILE)}: one stack per declared profile, minimal topology. */
    public static final String EVERY_PROFILE = "io.tsmtck.tck.support.Suts#everyProfile";

    private Suts() {
    }

    /** The specs of every declared profile with {@code topology}, in enum order. */
    public static Stream<StackSpec> specs(TopologyRequest topology) {
        return Stream.of(VendorProfile.values())
                .filter(Implementation.provider().capabilities().profiles()::contains)
                .map(profile -> new StackSpec(profile, topology));
    }

    /** One lazily built stack per declared profile, minimal topology. */
    public static Stream<Sut> everyProfile() {
        return everyProfile(TopologyRequest.minimal());
    }

    /** One lazily built stack per declared profile with {@code topology}. */
    public static Stream<Sut> everyProfile(TopologyRequest topology) {
        return specs(topology).map(Sut::new);
    }
}
