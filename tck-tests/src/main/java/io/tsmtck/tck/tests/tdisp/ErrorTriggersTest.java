package io.tsmtck.tck.tests.tdisp;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.device.DeviceControl;
import io.tsmtck.api.tdisp.LockFlag;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.FunctionRole;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.api.vfio.ConfigRegister;
import io.tsmtck.tck.binding.Applicability;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.catalogue.Condition;
import io.tsmtck.tck.device.DeviceCases;
import io.tsmtck.tck.device.DeviceSut;
import io.tsmtck.tck.device.RigConfig;
import io.tsmtck.tck.device.TdiDriver;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Host-side changes that invalidate a locked configuration and must move the TDI to ERROR, and
 * those that must not (PCIe Base 6.x §11.4.1). The changes go through the device's rig
 * ({@link io.tsmtck.api.device.DeviceControl}), as a host's configuration accesses would make them.
 */
@Tag("area-tdisp")
class ErrorTriggersTest {

    /** BIST register bit 6, Start BIST. */
    private static final int BIST_START = 0x40;

    static Stream<Arguments> lockedOrRun() {
        return DeviceCases.functionsInStates(DeviceCases.WITH_SUBFUNCTIONS, TdiState.CONFIG_LOCKED, TdiState.RUN);
    }

    static Stream<Arguments> vfsLockedOrRun() {
        return DeviceCases.vfsInStates(DeviceCases.WITH_SUBFUNCTIONS, TdiState.CONFIG_LOCKED, TdiState.RUN);
    }

    static Stream<Arguments> everyFunction() {
        return DeviceCases.functions(DeviceCases.WITH_SUBFUNCTIONS);
    }

    static Stream<Arguments> everyBar() {
        return IntStream.range(0, TopologyRequest.minimal().barSizes().size()).boxed()
                .flatMap(bar -> Stream.of(TdiState.CONFIG_LOCKED, TdiState.RUN)
                        .map(state -> Arguments.of(new DeviceSut(TopologyRequest.minimal()), bar, state)));
    }


    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("lockedOrRun")
    @Must("TDISP-20")
    void clearingMemorySpaceEnableMovesToError(DeviceSut sut, int fn, TdiState state) {
        PciFunction function = sut.connect().function(fn);
        RigConfig config = sut.config(function);
        config.write(ConfigRegister.COMMAND, ConfigRegister.COMMAND_MEMORY_SPACE);
        TdiDriver.enter(sut, function, state);

        config.write(ConfigRegister.COMMAND, 0);

        assertThat(sut, function).as("after clearing MSE in " + state).isInState(TdiState.ERROR);
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("lockedOrRun")
    @Must("TDISP-21")
    void clearingBusMasterEnableMovesToError(DeviceSut sut, int fn, TdiState state) {
        PciFunction function = sut.connect().function(fn);
        RigConfig config = sut.config(function);
        config.write(ConfigRegister.COMMAND, ConfigRegister.COMMAND_MEMORY_SPACE | ConfigRegister.COMMAND_BUS_MASTER);
        TdiDriver.enter(sut, function, state);

        config.write(ConfigRegister.COMMAND, ConfigRegister.COMMAND_MEMORY_SPACE);

        assertThat(sut, function).as("after clearing BME in " + state).isInState(TdiState.ERROR);
    }

    @ParameterizedTest(name = "{0}, BAR{1}, {2}")
    @MethodSource("everyBar")
    @Must("TDISP-22")
    void aBarWriteMovesToError(DeviceSut sut, int bar, TdiState state) {
        PciFunction pf0 = sut.connect().pf0();
        TdiDriver.enter(sut, pf0, state);
        RigConfig config = sut.config(pf0);
        ConfigRegister register = ConfigRegister.bar(bar);
        long size = sut.barSize(pf0, bar);

        config.write(register, config.read(register) + (int) size * 16);

        assertThat(sut, pf0).as("after a write to BAR%d in %s", bar, state).isInState(TdiState.ERROR);
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("lockedOrRun")
    @Must("TDISP-23")
    void anExpansionRomBarWriteMovesToError(DeviceSut sut, int fn, TdiState state) {
        PciFunction function = sut.connect().function(fn);
        TdiDriver.enter(sut, function, state);

        sut.config(function).write(ConfigRegister.EXPANSION_ROM, 0xFFFF_F800);

        assertThat(sut, function).as("after an expansion ROM BAR write in " + state).isInState(TdiState.ERROR);
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("lockedOrRun")
    @Must("TDISP-50")
    void aBistWriteMovesToError(DeviceSut sut, int fn, TdiState state) {
        PciFunction function = sut.connect().function(fn);
        TdiDriver.enter(sut, function, state);

        sut.config(function).write(ConfigRegister.BIST, BIST_START);

        assertThat(sut, function).as("after a BIST register write (Start BIST) in " + state).isInState(TdiState.ERROR);
    }

    /** The Device Control fields §11.4.1 names (FLR is TDISP-26; 10/14-bit tag live in Device Control 2). */
    static Stream<Arguments> deviceControlFieldsLockedOrRun() {
        return DeviceCases.functionsInStatesWith(DeviceCases.WITH_SUBFUNCTIONS, List.of(TdiState.CONFIG_LOCKED, TdiState.RUN),
                List.of(Named.of("Extended Tag Field Enable", ConfigRegister.DEVICE_CONTROL_EXTENDED_TAG),
                        Named.of("Phantom Functions Enable", ConfigRegister.DEVICE_CONTROL_PHANTOM_FUNCTIONS),
                        Named.of("Enable No Snoop", ConfigRegister.DEVICE_CONTROL_NO_SNOOP)));
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}, {3}")
    @MethodSource("deviceControlFieldsLockedOrRun")
    @Must("TDISP-24")
    void aDeviceControlChangeMovesToError(DeviceSut sut, int fn, TdiState state, int field) {
        PciFunction function = sut.connect().function(fn);
        TdiDriver.enter(sut, function, state);
        RigConfig config = sut.config(function);

        config.write(ConfigRegister.DEVICE_CONTROL, config.read(ConfigRegister.DEVICE_CONTROL) ^ field);

        assertThat(sut, function).as("after toggling Device Control bit 0x%04X in %s", field, state)
                .isInState(TdiState.ERROR);
    }

    /** A control register of a capability §11.4.1 lists, and the bit of it the kit toggles. */
    record Toggle(ConfigRegister register, int bit) {
    }

    /** The capabilities' control registers §11.4.1 names (IDE stream registers are not laid out in the text). */
    static Stream<Arguments> capabilityControlsLockedOrRun() {
        return DeviceCases.functionsInStatesWith(DeviceCases.WITH_SUBFUNCTIONS, List.of(TdiState.CONFIG_LOCKED,
                TdiState.RUN), List.of(
                Named.of("Resizable BAR Control, BAR Size bit 8", new Toggle(ConfigRegister.RESIZABLE_BAR_CONTROL,
                        ConfigRegister.RESIZABLE_BAR_CONTROL_SIZE_LOW)),
                Named.of("ARI Control, MFVC Function Groups Enable", new Toggle(ConfigRegister.ARI_CONTROL,
                        ConfigRegister.ARI_CONTROL_MFVC_GROUPS)),
                Named.of("PASID Control, PASID Enable", new Toggle(ConfigRegister.PASID_CONTROL,
                        ConfigRegister.PASID_CONTROL_ENABLE)),
                Named.of("SR-IOV Control, VF Memory Space Enable", new Toggle(ConfigRegister.SRIOV_CONTROL,
                        ConfigRegister.SRIOV_CONTROL_VF_MSE))));
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}, {3}")
    @MethodSource("capabilityControlsLockedOrRun")
    @Must("TDISP-55")
    void aCapabilityControlChangeMovesToError(DeviceSut sut, int fn, TdiState state, Toggle toggle) {
        PciFunction function = sut.connect().function(fn);
        RigConfig config = sut.config(function);
        Applicability.requireRegister(config, function, toggle.register());
        int old = config.read(toggle.register());
        TdiDriver.enter(sut, function, state);
        try {
            config.write(toggle.register(), old ^ toggle.bit());
            int now = config.read(toggle.register());
            Applicability.requireTaken(function, toggle.register(), old, old ^ toggle.bit(), now);

            assertThat(sut, function).as("after %s went from 0x%04X to 0x%04X in %s", toggle.register(), old, now,
                    state).isInState(TdiState.ERROR);
        } finally {
            config.write(toggle.register(), old);
        }
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Must("TDISP-25")
    void anMsixControlChangeMovesAnMsixLockedTdiToError(DeviceSut sut, int fn) {
        PciFunction function = sut.connect().function(fn);
        Applicability.requireLockFlag(sut, function, Condition.ADVERTISES_LOCK_MSIX, LockFlag.LOCK_MSIX);
        RigConfig config = sut.config(function);
        sut.tdisp(function).lock(LockFlag.LOCK_MSIX.mask(), 0);

        config.write(ConfigRegister.MSIX_MESSAGE_CONTROL, config.read(ConfigRegister.MSIX_MESSAGE_CONTROL) ^ 0x8000);

        assertThat(sut, function).as("after an MSI-X Message Control change").isInState(TdiState.ERROR);
    }

    /** How the FLR is made: the rig's own FLR, or Initiate Function Level Reset written to Device Control. */
    enum Flr {
        RIG, INITIATE_FLR_BIT;

        void perform(DeviceSut sut, PciFunction function) {
            if (this == RIG) {
                sut.functionLevelReset(function);
            } else {
                RigConfig config = sut.config(function);
                config.write(ConfigRegister.DEVICE_CONTROL,
                        config.read(ConfigRegister.DEVICE_CONTROL) | ConfigRegister.DEVICE_CONTROL_INITIATE_FLR);
            }
        }
    }

    /**
     * NOT_APPLICABLE unless {@code function} can be reset: Device Capabilities has FLR, read where the
     * rig offers configuration access (a rig that only resets answers for its own FLR).
     */
    private static void requireFlr(DeviceSut sut, PciFunction function) {
        boolean configAccess = sut.device().control()
                .filter(rig -> rig.actions().contains(DeviceControl.Action.CONFIG_ACCESS)).isPresent();
        if (configAccess) {
            Applicability.requireFlr(function.address(), sut.config(function).read(ConfigRegister.DEVICE_CAPABILITIES));
        }
    }

    static Stream<Arguments> lockedOrRunAndFlr() {
        return DeviceCases.functionsInStatesWith(DeviceCases.WITH_SUBFUNCTIONS, List.of(TdiState.CONFIG_LOCKED,
                TdiState.RUN), List.of(Flr.values()));
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}, {3}")
    @MethodSource("lockedOrRunAndFlr")
    @Must("TDISP-26")
    void aFunctionLevelResetMovesToError(DeviceSut sut, int fn, TdiState state, Flr flr) {
        PciFunction function = sut.connect().function(fn);
        requireFlr(sut, function);
        TdiDriver.enter(sut, function, state);

        flr.perform(sut, function);

        assertThat(sut, function).as("after an FLR (%s) in %s", flr, state).isInState(TdiState.ERROR);
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Must("TDISP-27")
    void aFunctionLevelResetLeavesAnUnlockedTdiUnlocked(DeviceSut sut, int fn) {
        PciFunction function = sut.connect().function(fn);
        requireFlr(sut, function);

        sut.functionLevelReset(function);

        assertThat(sut, function).as("after an FLR in CONFIG_UNLOCKED").isInState(TdiState.CONFIG_UNLOCKED);
    }

    @ParameterizedTest(name = "{0}, VF function {1}, {2}")
    @MethodSource("vfsLockedOrRun")
    @Must("TDISP-28")
    void aPf0ResetMovesItsVfTdisToError(DeviceSut sut, int fn, TdiState state) {
        Applicability.requireVfs(sut);
        PciFunction function = sut.connect().function(fn);
        requireFlr(sut, sut.pf0());
        TdiDriver.enter(sut, function, state);
        List<PciFunction> otherPfs = sut.connect().functions().stream().filter(f -> f.role() == FunctionRole.PF)
                .toList();
        otherPfs.forEach(pf -> TdiDriver.enter(sut, pf, state));

        sut.functionLevelReset(sut.pf0());

        assertThat(sut, function).as("VF TDI after an FLR of PF0 in " + state).isInState(TdiState.ERROR);
        for (PciFunction pf : otherPfs) {
            assertThat(sut, pf).as("TDI of the physical function %s after an FLR of PF0 in %s", pf.address(), state)
                    .isInState(state);
        }
    }

    /** Writes §11.4.1 allows while a TDI is locked, each as the host would make it. */
    enum AllowedWrite {
        CACHE_LINE_SIZE("a Cache Line Size write") {
            @Override
            void apply(RigConfig config) {
                config.write(ConfigRegister.CACHE_LINE_SIZE, 0x10);
            }
        },
        STATUS("a Status write clearing every write-1-to-clear bit") {
            @Override
            void apply(RigConfig config) {
                config.write(ConfigRegister.STATUS, 0xFFFF);
            }
        },
        LINK_CONTROL("a Link Control write of its own value") {
            @Override
            void apply(RigConfig config) {
                config.write(ConfigRegister.LINK_CONTROL, config.read(ConfigRegister.LINK_CONTROL));
            }
        },
        COMMAND("a Command write of its own value (Memory Space and Bus Master Enable unchanged)") {
            @Override
            void apply(RigConfig config) {
                config.write(ConfigRegister.COMMAND, config.read(ConfigRegister.COMMAND));
            }
        },
        DEVICE_CONTROL("a Device Control write of its own value (no listed field changes)") {
            @Override
            void apply(RigConfig config) {
                config.write(ConfigRegister.DEVICE_CONTROL, config.read(ConfigRegister.DEVICE_CONTROL));
            }
        };

        private final String description;

        AllowedWrite(String description) {
            this.description = description;
        }

        abstract void apply(RigConfig config);

        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Arguments> everyFunctionAndAllowedWrite() {
        return DeviceCases.functionsInStatesWith(DeviceCases.WITH_SUBFUNCTIONS, List.of(TdiState.CONFIG_LOCKED),
                List.of(AllowedWrite.values()));
    }

    @ParameterizedTest(name = "{0}, function {1}, {3}")
    @MethodSource("everyFunctionAndAllowedWrite")
    @Must("TDISP-29")
    void anAllowedWriteLeavesTheTdiLocked(DeviceSut sut, int fn, TdiState locked, AllowedWrite write) {
        PciFunction function = sut.connect().function(fn);
        RigConfig config = sut.config(function);
        TdiDriver.enter(sut, function, locked);

        write.apply(config);
        sut.holdsAfterRigAction(() -> sut.tdisp(function).state() == TdiState.CONFIG_LOCKED);

        assertThat(sut, function).as("after " + write).isInState(TdiState.CONFIG_LOCKED);
    }
}
