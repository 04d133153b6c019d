package io.tsmtck.emu;

import io.tsmtck.api.device.DeviceControl;
import io.tsmtck.api.device.DeviceEvent;
import io.tsmtck.api.device.DeviceUnderTest;
import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.topology.Dsm;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.api.vfio.ConfigRegister;
import io.tsmtck.emu.device.DeviceFeatures;
import io.tsmtck.emu.device.EmuDevice;
import io.tsmtck.emu.faults.FaultPlan;
import io.tsmtck.emu.faults.ResourceLedger;
import io.tsmtck.emu.stack.EmuContext;
import io.tsmtck.emu.stack.Handles;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The reference device alone, without a host: one {@link EmuDevice} (its DSM, other PFs and VFs,
 * the SPDM responder with its test identities, IDE_KM, TDISP, a DOE capability), reached through
 * its DOE mailbox in-process, with a rig that can do everything {@link DeviceControl} names.
 */
public final class ReferenceDevice implements DeviceUnderTest {

    private final EmuDevice device;
    private final Dsm dsm;
    private final DoeMailbox mailbox;

    /** A device with the functions of {@code topology} (its first DSM), {@code faults} and {@code seed}. */
    public ReferenceDevice(TopologyRequest topology, FaultPlan faults, long seed) {
        PlatformBuilder platform = new PlatformBuilder(new TopologyRequest(1, topology.functionsPerDsm(),
                topology.vfsPerDsm(), topology.barSizes()));
        this.dsm = platform.topology().dsms().get(0);
        EmuContext context = new EmuContext(faults, new Random(seed), new ResourceLedger(0), new Handles());
        this.device = new EmuDevice(dsm, platform.barBases(), DeviceFeatures.all(), context);
        this.mailbox = device.doeMailbox();
    }

    /** The emulated device, for a server or a test that drives it further. */
    public EmuDevice device() {
        return device;
    }

    @Override
    public String transport() {
        return "in-process";
    }

    @Override
    public DoeMailbox mailbox() {
        return mailbox;
    }

    @Override
    public List<PciFunction> functions() {
        return dsm.functions();
    }

    @Override
    public Optional<DeviceControl> control() {
        return Optional.of(new Rig());
    }

    @Override
    public void close() {
    }

    /** The emulation's rig: configuration accesses, FLR and events go straight to the device model. */
    private final class Rig implements DeviceControl {
        @Override
        public Set<Action> actions() {
            return EnumSet.allOf(Action.class);
        }

        /** The model changes state inside the call. */
        @Override
        public boolean reactsAtOnce() {
            return true;
        }

        @Override
        public int readConfig(PciAddress function, ConfigRegister register) {
            return device.readConfig(function, register);
        }

        @Override
        public boolean hasRegister(PciAddress function, ConfigRegister register) {
            return device.hasConfig(function, register);
        }

        @Override
        public void writeConfig(PciAddress function, ConfigRegister register, int value) {
            device.writeConfig(function, register, value);
        }

        @Override
        public void functionLevelReset(PciAddress function) {
            device.functionLevelReset(function);
        }

        @Override
        public void inject(DeviceEvent event) {
            device.apply(event);
        }
    }
}
