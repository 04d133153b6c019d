package io.tsmtck.tck.support;

import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.TopologyRequest;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Argument streams for parameterized kit tests: the breadth of the kit comes from here (every
 * declared profile x every function the subject has, up to the wanted topology x every state). Each
 * argument tuple gets its
 * own lazily built {@link Sut}.
 */
public final class Cases {

    /** The function argument of a VF case on a subject that has no VF. */
    public static final int NO_VF = -1;

    private Cases() {
    }

    /** (sut, function index) for every function of {@code topology} in every declared profile. */
    public static Stream<Arguments> functions(TopologyRequest topology) {
        return Suts.specs(topology).flatMap(spec -> IntStream.range(0, functionCount(spec.topology()))
                .mapToObj(fn -> Arguments.of(new Sut(spec), fn)));
    }

    /** (sut, function index, state) for every function and each of {@code states}. */
    public static Stream<Arguments> functionsInStates(TopologyRequest topology, TdiState... states) {
        return Suts.specs(topology).flatMap(spec -> IntStream.range(0, functionCount(spec.topology())).boxed()
                .flatMap(fn -> Stream.of(states).map(state -> Arguments.of(new Sut(spec), fn, state))));
    }

    /** (sut, function index, state, value) for every function, each state and each of {@code values}. */
    public static Stream<Arguments> functionsInStatesWith(TopologyRequest topology, List<TdiState> states,
                                                          List<?> values) {
        return Suts.specs(topology).flatMap(spec -> IntStream.range(0, functionCount(spec.topology())).boxed()
                .flatMap(fn -> states.stream().flatMap(state -> values.stream()
                        .map(value -> Arguments.of(new Sut(spec), fn, state, value)))));
    }

    /**
     * (sut, function index, state) for every VF of {@code topology} and each of {@code states}; for
     * a subject without VFs one case per state whose function is {@link #NO_VF}, so that the test's
     * {@link Applicability#requireVfs} reports the rule NOT_APPLICABLE instead of running nothing.
     */
    public static Stream<Arguments> vfsInStates(TopologyRequest topology, TdiState... states) {
        return Suts.specs(topology).flatMap(spec -> {
            TopologyRequest fitted = spec.topology();
            Stream<Object> vfs = fitted.vfsPerDsm() == 0 ? Stream.of(Named.of("none (no VF)", NO_VF))
                    : IntStream.range(fitted.functionsPerDsm(), functionCount(fitted)).mapToObj(Integer::valueOf);
            return vfs.flatMap(fn -> Stream.of(states).map(state -> Arguments.of(new Sut(spec), fn, state)));
        });
    }

    /** (sut, value) for every declared profile (minimal topology) and each of {@code values}. */
    public static Stream<Arguments> profilesWith(List<?> values) {
        return profilesWith(TopologyRequest.minimal(), values);
    }

    /** (sut, value) for every declared profile on {@code topology} and each of {@code values}. */
    public static Stream<Arguments> profilesWith(TopologyRequest topology, List<?> values) {
        return Suts.specs(topology).flatMap(spec -> values.stream().map(value -> Arguments.of(new Sut(spec), value)));
    }

    private static int functionCount(TopologyRequest topology) {
        return topology.functionsPerDsm() + topology.vfsPerDsm();
    }
}
