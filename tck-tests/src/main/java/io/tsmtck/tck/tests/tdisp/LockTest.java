package io.tsmtck.tck.tests.tdisp;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.idekm.KeySubStream;
import io.tsmtck.api.tdisp.LockFlag;
import io.tsmtck.api.tdisp.LockInterfaceRequest;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tdisp.TdispErrorCode;
import io.tsmtck.api.topology.Bar;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.vfio.ConfigRegister;
import io.tsmtck.tck.binding.Applicability;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.binding.Should;
import io.tsmtck.tck.device.BarOverlap;
import io.tsmtck.tck.device.DeviceCases;
import io.tsmtck.tck.device.DeviceSut;
import io.tsmtck.tck.device.RigConfig;
import io.tsmtck.tck.device.TdispClient;
import io.tsmtck.tck.spdm.SpdmSession;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/** What LOCK_INTERFACE_REQUEST checks before it locks (PCIe Base 6.x table 11-12). */
@Tag("area-tdisp")
class LockTest {

    /** The first of six streams the kit keys for all sub-streams but one, a stream per unkeyed sub-stream. */
    private static final int PARTLY_KEYED = 0x50;
    /** A stream the kit keys over a second session. */
    private static final int KEYED_ELSEWHERE = 0x58;
    private static final List<KeySubStream> SUB_STREAMS = KeySubStream.of(KeySubStream.KeySet.K0);

    static Stream<Arguments> everyFunction() {
        return DeviceCases.functions(DeviceCases.WITH_SUBFUNCTIONS);
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Must("TDISP-53")
    void lockWithTheDefaultStreamKeyedLocksTheTdi(DeviceSut sut, int fn) {
        PciFunction function = sut.connect().function(fn);
        TdispClient tdisp = sut.tdisp(function);

        assertThat(tdisp.send(new LockInterfaceRequest(tdisp.header(), 0, tdisp.defaultStream(), 0, 0)))
                .as("LOCK of %s in CONFIG_UNLOCKED, DEFAULT_STREAM_ID %d keyed for every sub-stream",
                        function.address(), tdisp.defaultStream()).isResponse(MessageType.LOCK_INTERFACE_RESPONSE);
        assertThat(sut, function).as("after LOCK_INTERFACE_RESPONSE").isInState(TdiState.CONFIG_LOCKED);
    }

    /** What the kit asks a LOCK for beyond its preconditions: reserved FLAGS bits, or a flag the device lacks. */
    enum ExtraFlags {
        RESERVED_BITS, UNADVERTISED_FLAG
    }

    static Stream<Arguments> extraFlags() {
        return DeviceCases.with(List.of(ExtraFlags.values()));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("extraFlags")
    @Should("TDISP-54")
    void lockIsNotRefusedForFlagsTheDeviceDoesNotHave(DeviceSut sut, ExtraFlags extra) {
        PciFunction pf0 = sut.connect().pf0();
        TdispClient tdisp = sut.tdisp(pf0);
        int supported = tdisp.capabilities().lockFlagsSupported();
        int flags = extra == ExtraFlags.RESERVED_BITS ? 0x8020 : Stream.of(LockFlag.values()).mapToInt(LockFlag::mask)
                .filter(mask -> (mask & supported) == 0).findFirst().orElseThrow(() -> new TestAbortedException(
                        "blocked by: LOCK_INTERFACE_FLAGS_SUPPORTED 0x" + Integer.toHexString(supported)
                        + " advertises every flag, so none is unadvertised"));

        assertThat(tdisp.send(new LockInterfaceRequest(tdisp.header(), flags, tdisp.defaultStream(), 0, 0)))
                .as("LOCK with FLAGS 0x%04X (%s; LOCK_INTERFACE_FLAGS_SUPPORTED 0x%04X)", flags, extra, supported)
                .isResponse(MessageType.LOCK_INTERFACE_RESPONSE);
        assertThat(sut, pf0).as("after LOCK with FLAGS 0x%04X", flags).isInState(TdiState.CONFIG_LOCKED);
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Must("TDISP-14")
    void lockNamingAStreamWithoutKeysIsInvalidRequest(DeviceSut sut, int fn) {
        PciFunction function = sut.connect().function(fn);
        TdispClient tdisp = sut.tdisp(function);
        int keyless = (tdisp.defaultStream() + 0x40) & 0xFF;

        assertThat(tdisp.send(new LockInterfaceRequest(tdisp.header(), 0, keyless, 0, 0)))
                .as("LOCK with DEFAULT_STREAM_ID %d, which has no keys", keyless)
                .isError(TdispErrorCode.INVALID_REQUEST);
        assertThat(sut, function).isInState(TdiState.CONFIG_UNLOCKED);
    }

    static Stream<Arguments> everyUnkeyedSubStream() {
        return DeviceCases.with(SUB_STREAMS);
    }

    @ParameterizedTest(name = "{0}, {1} unkeyed")
    @MethodSource("everyUnkeyedSubStream")
    @Must("TDISP-14")
    void lockNamingAStreamWithOneSubStreamUnkeyedIsInvalidRequest(DeviceSut sut, KeySubStream unkeyed) {
        int stream = sut.unkeyedStream();
        PciFunction pf0 = sut.pf0();
        sut.programStreamWithout(stream, unkeyed);
        TdispClient tdisp = sut.tdisp(pf0);

        assertThat(tdisp.send(new LockInterfaceRequest(tdisp.header(), 0, stream, 0, 0)))
                .as("LOCK with DEFAULT_STREAM_ID %d, keyed for five sub-streams, not for %s", stream, unkeyed)
                .isError(TdispErrorCode.INVALID_REQUEST);
        assertThat(sut, pf0).as("after the LOCK naming a stream without a key for %s", unkeyed)
                .isInState(TdiState.CONFIG_UNLOCKED);
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Must("TDISP-15")
    void lockNamingAStreamKeyedOverAnotherSessionIsInvalidRequest(DeviceSut sut, int fn) {
        PciFunction function = sut.connect().function(fn);
        TdispClient tdisp = sut.tdisp(function);
        SpdmSession second = sut.openSecondSession();
        try {
            sut.programStream(KEYED_ELSEWHERE, second);

            assertThat(tdisp.send(new LockInterfaceRequest(tdisp.header(), 0,
                    KEYED_ELSEWHERE, 0, 0))).as("LOCK over the kit's session with DEFAULT_STREAM_ID %d, whose keys"
                    + " a second session, still open, programmed", KEYED_ELSEWHERE)
                    .isError(TdispErrorCode.INVALID_REQUEST);
        } finally {
            second.end();
        }
        assertThat(sut, function).as("after the LOCK naming a stream keyed over another session")
                .isInState(TdiState.CONFIG_UNLOCKED);
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Must("TDISP-58")
    void lockWithPhantomFunctionsEnabledIsInvalidDeviceConfiguration(DeviceSut sut, int fn) {
        PciFunction function = sut.connect().function(fn);
        RigConfig config = sut.config(function);
        int old = config.read(ConfigRegister.DEVICE_CONTROL);
        config.write(ConfigRegister.DEVICE_CONTROL, old | ConfigRegister.DEVICE_CONTROL_PHANTOM_FUNCTIONS);
        try {
            Applicability.requirePhantomFunctions(function, config.read(ConfigRegister.DEVICE_CONTROL));
            TdispClient tdisp = sut.tdisp(function);

            assertThat(tdisp.send(new LockInterfaceRequest(tdisp.header(), 0, tdisp.defaultStream(), 0, 0)))
                    .as("LOCK of %s with Phantom Functions Enable set", function.address())
                    .isError(TdispErrorCode.INVALID_DEVICE_CONFIGURATION);
            assertThat(sut, function).as("after the refused LOCK").isInState(TdiState.CONFIG_UNLOCKED);
        } finally {
            config.write(ConfigRegister.DEVICE_CONTROL, old);
        }
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Must("TDISP-59")
    void lockWithTheExpansionRomOverABarIsInvalidDeviceConfiguration(DeviceSut sut, int fn) {
        PciFunction function = sut.connect().function(fn);
        Bar first = function.bars().stream().min(Comparator.comparingInt(Bar::index))
                .orElseThrow(() -> new TestAbortedException("blocked by: " + function.address() + " has no memory BAR"));
        RigConfig config = sut.config(function);
        int old = config.read(ConfigRegister.EXPANSION_ROM);
        try {
            int written = BarOverlap.romOnto(config, first, old);
            int now = config.read(ConfigRegister.EXPANSION_ROM);
            Applicability.requireExpansionRom(function, written, now);
            if ((now & 0xFFFF_F800) != (written & 0xFFFF_F800)) {
                throw new TestAbortedException(String.format("blocked by: the Expansion ROM BAR of %s reads 0x%08X"
                        + " after a write of 0x%08X: its alignment keeps it from BAR%d's base", function.address(),
                        now, written, first.index()));
            }
            TdispClient tdisp = sut.tdisp(function);

            assertThat(tdisp.send(new LockInterfaceRequest(tdisp.header(), 0, tdisp.defaultStream(), 0, 0)))
                    .as("LOCK of %s with its Expansion ROM at 0x%08X, BAR%d's base", function.address(),
                            now & 0xFFFF_F800, first.index())
                    .isError(TdispErrorCode.INVALID_DEVICE_CONFIGURATION);
            assertThat(sut, function).as("after the refused LOCK").isInState(TdiState.CONFIG_UNLOCKED);
        } finally {
            config.write(ConfigRegister.EXPANSION_ROM, old);
        }
    }

    /** Which BAR is moved one page into the other: both orders of an overlap. */
    /** Which of the function's first two memory BARs the kit moves into the other. */
    enum Overlap {
        SECOND_INTO_FIRST, FIRST_INTO_SECOND
    }

    static Stream<Arguments> everyFunctionAndOverlap() {
        return DeviceCases.functionsInStatesWith(DeviceCases.WITH_SUBFUNCTIONS, List.of(TdiState.CONFIG_UNLOCKED),
                List.of(Overlap.values()));
    }

    @ParameterizedTest(name = "{0}, function {1}, {3}")
    @MethodSource("everyFunctionAndOverlap")
    @Must("TDISP-44")
    void lockWithOverlappingBarsIsInvalidDeviceConfiguration(DeviceSut sut, int fn, TdiState unlocked,
                                                             Overlap overlap) {
        PciFunction function = sut.connect().function(fn);
        List<Bar> bars = function.bars().stream().sorted(Comparator.comparingInt(Bar::index)).toList();
        if (bars.size() < 2) {
            throw new TestAbortedException("blocked by: " + function.address() + " has " + bars.size()
                    + " memory BAR(s); two are needed to overlap");
        }
        boolean secondMoves = overlap == Overlap.SECOND_INTO_FIRST;
        String moved = BarOverlap.move(sut.config(function), bars.get(secondMoves ? 1 : 0),
                bars.get(secondMoves ? 0 : 1));
        TdispClient tdisp = sut.tdisp(function);

        assertThat(tdisp.send(new LockInterfaceRequest(tdisp.header(), 0,
                tdisp.defaultStream(), 0, 0))).as("LOCK with %s", moved)
                .isError(TdispErrorCode.INVALID_DEVICE_CONFIGURATION);
        assertThat(sut, function).as("after the refused LOCK").isInState(unlocked);
    }
}
