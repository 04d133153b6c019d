package io.tsmtck.tck.device;

import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.tck.host.Cases;
import io.tsmtck.tck.host.Suts;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Argument streams for the device kit's parameterized tests: the configured device, every function
 * it has up to the wanted topology, every state. Each argument tuple gets its own lazily opened
 * {@link DeviceSut}; unlike the host kit there are no vendor profiles: the device is the device.
 */
public final class DeviceCases {

    /** Two PFs and two VFs, two BARs each, where the device has them. */
    public static final TopologyRequest WITH_SUBFUNCTIONS = Suts.WITH_SUBFUNCTIONS;

    /** The function argument of a case that takes every function's TDI together. */
    public static final int EVERY_FUNCTION = -2;

    /** {@code @MethodSource(DeviceCases.DEVICE)}: one device, PF0 only. */
    public static final String DEVICE = "io.tsmtck.tck.device.DeviceCases#device";

    private DeviceCases() {
    }

    /** One device with PF0 only. */
    public static Stream<DeviceSut> device() {
        return Stream.of(new DeviceSut(TopologyRequest.minimal()));
    }

    /** The device with {@code topology}, cut to what the device has: a test that walks its functions itself. */
    public static Stream<DeviceSut> device(TopologyRequest topology) {
        return Stream.of(new DeviceSut(Suts.fit(topology, Devices.source().largest())));
    }

    /** (device, function index) for every function up to {@code topology}. */
    public static Stream<Arguments> functions(TopologyRequest topology) {
        return Cases.functions(target(topology));
    }

    /** (device, function index, state) for every function and each of {@code states}. */
    public static Stream<Arguments> functionsInStates(TopologyRequest topology, TdiState... states) {
        return Cases.functionsInStates(target(topology), states);
    }

    /**
     * (device, function index, state) for every function and each of {@code states}, but ERROR once, for
     * every function together (function {@link #EVERY_FUNCTION}): the kit reaches ERROR by ending the
     * session that locked the TDI, and one end serves every TDI locked over it where a case per function
     * pays for a session and its keys each (see {@link TdiDriver#enter(DeviceSut, List, TdiState)}).
     */
    public static Stream<Arguments> tdisInStates(TopologyRequest topology, TdiState... states) {
        TdiState[] apart = Stream.of(states).filter(state -> state != TdiState.ERROR).toArray(TdiState[]::new);
        Stream<Arguments> together = List.of(states).contains(TdiState.ERROR) ? target(topology).map(target ->
                Arguments.of(target.subject().get(), Named.of("every function", EVERY_FUNCTION), TdiState.ERROR))
                : Stream.empty();
        return Stream.concat(functionsInStates(topology, apart), together);
    }

    /** The functions a case names: {@code fn} alone, or every function for {@link #EVERY_FUNCTION}. Connects. */
    public static List<PciFunction> functions(DeviceSut sut, int fn) {
        return fn == EVERY_FUNCTION ? sut.connect().functions() : List.of(sut.connect().function(fn));
    }

    /** (device, function index, state, value) for every function, each state and each of {@code values}. */
    public static Stream<Arguments> functionsInStatesWith(TopologyRequest topology, List<TdiState> states,
                                                          List<?> values) {
        return Cases.functionsInStatesWith(target(topology), states, values);
    }

    /** (device, VF index, state) for every VF and each of {@code states}; see {@link Cases#vfsInStates}. */
    public static Stream<Arguments> vfsInStates(TopologyRequest topology, TdiState... states) {
        return Cases.vfsInStates(target(topology), states);
    }

    /** (device, value) for PF0 of the device and each of {@code values}. */
    public static Stream<Arguments> with(List<?> values) {
        return with(TopologyRequest.minimal(), values);
    }

    /** (device, value) for the device with {@code topology} and each of {@code values}. */
    public static Stream<Arguments> with(TopologyRequest topology, List<?> values) {
        return Cases.with(target(topology), values);
    }

    private static Stream<Cases.Target> target(TopologyRequest wanted) {
        TopologyRequest fitted = Suts.fit(wanted, Devices.source().largest());
        return Stream.of(new Cases.Target(fitted, () -> new DeviceSut(fitted)));
    }
}
