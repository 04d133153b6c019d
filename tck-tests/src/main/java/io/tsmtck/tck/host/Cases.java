package io.tsmtck.tck.host;

import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.tck.binding.Applicability;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Argument streams for parameterized kit tests: the breadth of the kit comes from here (every
 * declared profile x every function the subject has, up to the wanted topology x every state). Each
 * argument tuple gets its
 * own lazily built {@link HostSut}.
 */
public final class Cases {

    /** The function argument of a VF case on a subject that has no VF. */
    public static final int NO_VF = -1;

    private Cases() {
    }

    /** (sut, function index) for every function of {@code topology} in every declared profile. */
    public static Stream<Arguments> functions(TopologyRequest topology) {
        return functions(hosts(topology));
    }

    /** (sut, function index, value) for every function of {@code topology} and each of {@code values}. */
    public static Stream<Arguments> functionsWith(TopologyRequest topology, List<?> values) {
        return functionsWith(hosts(topology), values);
    }

    /** (sut, function index, state) for every function and each of {@code states}. */
    public static Stream<Arguments> functionsInStates(TopologyRequest topology, TdiState... states) {
        return functionsInStates(hosts(topology), states);
    }

    /** (sut, function index, state, value) for every function, each state and each of {@code values}. */
    public static Stream<Arguments> functionsInStatesWith(TopologyRequest topology, List<TdiState> states,
                                                          List<?> values) {
        return functionsInStatesWith(hosts(topology), states, values);
    }

    /**
     * (sut, function index, state) for every VF of {@code topology} and each of {@code states}; for
     * a subject without VFs one case per state whose function is {@link #NO_VF}, so that the test's
     * {@link Applicability#requireVfs} reports the rule NOT_APPLICABLE instead of running nothing.
     */
    public static Stream<Arguments> vfsInStates(TopologyRequest topology, TdiState... states) {
        return vfsInStates(hosts(topology), states);
    }

    /** (sut, value) for every declared profile (minimal topology) and each of {@code values}. */
    public static Stream<Arguments> profilesWith(List<?> values) {
        return profilesWith(TopologyRequest.minimal(), values);
    }

    /** (sut, value) for every declared profile on {@code topology} and each of {@code values}. */
    public static Stream<Arguments> profilesWith(TopologyRequest topology, List<?> values) {
        return with(hosts(topology), values);
    }

    /**
     * A subject to build for each case: its topology (already cut to what the subject has) and how
     * to build a fresh one.
     */
    public record Target(TopologyRequest topology, Supplier<Object> subject) {
    }

    private static Stream<Target> hosts(TopologyRequest topology) {
        return Suts.specs(topology).map(spec -> new Target(spec.topology(), () -> new HostSut(spec)));
    }

    public static Stream<Arguments> functions(Stream<Target> targets) {
        return targets.flatMap(target -> IntStream.range(0, functionCount(target.topology()))
                .mapToObj(fn -> Arguments.of(target.subject().get(), fn)));
    }

    public static Stream<Arguments> functionsWith(Stream<Target> targets, List<?> values) {
        return targets.flatMap(target -> IntStream.range(0, functionCount(target.topology())).boxed()
                .flatMap(fn -> values.stream().map(value -> Arguments.of(target.subject().get(), fn, value))));
    }

    public static Stream<Arguments> functionsInStates(Stream<Target> targets, TdiState... states) {
        return targets.flatMap(target -> IntStream.range(0, functionCount(target.topology())).boxed()
                .flatMap(fn -> Stream.of(states).map(state -> Arguments.of(target.subject().get(), fn, state))));
    }

    public static Stream<Arguments> functionsInStatesWith(Stream<Target> targets, List<TdiState> states, List<?> values) {
        return targets.flatMap(target -> IntStream.range(0, functionCount(target.topology())).boxed()
                .flatMap(fn -> states.stream().flatMap(state -> values.stream()
                        .map(value -> Arguments.of(target.subject().get(), fn, state, value)))));
    }

    public static Stream<Arguments> vfsInStates(Stream<Target> targets, TdiState... states) {
        return targets.flatMap(target -> {
            TopologyRequest fitted = target.topology();
            Stream<Object> vfs = fitted.vfsPerDsm() == 0 ? Stream.of(Named.of("none (no VF)", NO_VF))
                    : IntStream.range(fitted.functionsPerDsm(), functionCount(fitted)).mapToObj(Integer::valueOf);
            return vfs.flatMap(fn -> Stream.of(states).map(state -> Arguments.of(target.subject().get(), fn, state)));
        });
    }

    public static Stream<Arguments> with(Stream<Target> targets, List<?> values) {
        return targets.flatMap(target -> values.stream().map(value -> Arguments.of(target.subject().get(), value)));
    }

    private static int functionCount(TopologyRequest topology) {
        return topology.functionsPerDsm() + topology.vfsPerDsm();
    }
}
