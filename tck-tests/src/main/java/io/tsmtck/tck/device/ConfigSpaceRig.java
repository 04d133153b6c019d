package io.tsmtck.tck.device;

import io.tsmtck.api.device.DeviceControl;
import io.tsmtck.api.device.DeviceEvent;
import io.tsmtck.api.device.PciConfigAccess;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.vfio.ConfigRegister;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * The rig a lab machine offers for a device in a slot: its functions' configuration spaces (sysfs
 * {@code config} files), through which the kit writes what a host's configuration accesses would
 * write, and Initiate Function Level Reset. Registers are found by name: the type 0 header, the PCI
 * Express capability (Device Control, Link Control) and the MSI-X capability (Message Control),
 * located by walking the capability list.
 *
 * <p>A write of a 16-bit or 8-bit register is a dword write (sysfs and {@link PciConfigAccess} take
 * dwords) in which the register's neighbours keep their values, except the status registers beside
 * Command, Device Control and Link Control, written as 0: their error bits are write-1-to-clear, and
 * writing back what was read would clear them.
 */
public final class ConfigSpaceRig implements DeviceControl {

    /** What configuration space alone lets a rig do. */
    public static final Set<Action> ACTIONS = Set.copyOf(EnumSet.of(Action.CONFIG_ACCESS, Action.FUNCTION_LEVEL_RESET));

    private static final int CAPABILITY_POINTER = 0x34;
    private static final int STATUS_CAPABILITIES_LIST = 1 << 4;
    private static final int PCI_EXPRESS = 0x10;
    private static final int MSIX = 0x11;
    private static final int EXT_ARI = 0x000E;
    private static final int EXT_SRIOV = 0x0010;
    private static final int EXT_RESIZABLE_BAR = 0x0015;
    private static final int EXT_PASID = 0x001B;

    private final Map<PciAddress, PciConfigAccess> functions;
    private final Duration timeout;

    /** A rig over the configuration spaces of {@code functions}; an FLR waits at most {@code timeout}. */
    public ConfigSpaceRig(Map<PciAddress, PciConfigAccess> functions, Duration timeout) {
        this.functions = Map.copyOf(functions);
        this.timeout = timeout;
    }

    @Override
    public Set<Action> actions() {
        return ACTIONS;
    }

    @Override
    public int readConfig(PciAddress function, ConfigRegister register) throws IOException {
        PciConfigAccess config = config(function);
        int offset = offset(config, function, register);
        int dword = config.read32(offset & ~3);
        return dword >>> 8 * (offset & 3) & mask(register);
    }

    @Override
    public void writeConfig(PciAddress function, ConfigRegister register, int value) throws IOException {
        PciConfigAccess config = config(function);
        int offset = offset(config, function, register);
        int shift = 8 * (offset & 3);
        int kept = config.read32(offset & ~3) & ~(mask(register) << shift);
        if (register == ConfigRegister.COMMAND || register == ConfigRegister.DEVICE_CONTROL
                || register == ConfigRegister.LINK_CONTROL) {
            kept = 0; // the status register in the upper half: write-1-to-clear, so written as 0
        }
        config.write32(offset & ~3, kept | (value & mask(register)) << shift);
    }

    /**
     * Initiate Function Level Reset (Device Control bit 15) on a function whose Device Capabilities
     * has FLR; then waits, at most the rig's timeout, until the function answers configuration
     * reads again (its Vendor ID is not 0xFFFF).
     */
    @Override
    public void functionLevelReset(PciAddress function) throws IOException {
        PciConfigAccess config = config(function);
        if ((readConfig(function, ConfigRegister.DEVICE_CAPABILITIES) & ConfigRegister.DEVICE_CAPABILITIES_FLR) == 0) {
            throw new IOException(function + " does not advertise Function Level Reset (Device Capabilities bit 28)");
        }
        writeConfig(function, ConfigRegister.DEVICE_CONTROL, readConfig(function, ConfigRegister.DEVICE_CONTROL)
                | ConfigRegister.DEVICE_CONTROL_INITIATE_FLR);
        long deadline = System.nanoTime() + timeout.toNanos();
        while ((config.read32(0) & 0xFFFF) == 0xFFFF) {
            if (System.nanoTime() - deadline > 0) {
                throw new IOException(function + " did not answer configuration reads within " + timeout.toMillis()
                        + " ms of its FLR");
            }
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
    }

    @Override
    public void inject(DeviceEvent event) throws IOException {
        throw new IOException("configuration space alone cannot make " + event + " happen");
    }

    private PciConfigAccess config(PciAddress function) throws IOException {
        PciConfigAccess config = functions.get(function);
        if (config == null) {
            throw new IOException("the rig has no configuration space for " + function + "; it has " + functions.keySet());
        }
        return config;
    }

    private static int mask(ConfigRegister register) {
        return register.width() == 4 ? -1 : (1 << 8 * register.width()) - 1;
    }

    /** The byte offset of {@code register} in {@code function}'s configuration space. */
    static int offset(PciConfigAccess config, PciAddress function, ConfigRegister register) throws IOException {
        return switch (register) {
            case COMMAND -> 0x04;
            case STATUS -> 0x06;
            case CACHE_LINE_SIZE -> 0x0C;
            case BIST -> 0x0F;
            case BAR0, BAR1, BAR2, BAR3, BAR4, BAR5 -> 0x10 + 4 * (register.ordinal() - ConfigRegister.BAR0.ordinal());
            case EXPANSION_ROM -> 0x30;
            case DEVICE_CAPABILITIES -> capability(config, function, PCI_EXPRESS, "PCI Express") + 0x04;
            case DEVICE_CONTROL -> capability(config, function, PCI_EXPRESS, "PCI Express") + 0x08;
            case LINK_CONTROL -> capability(config, function, PCI_EXPRESS, "PCI Express") + 0x10;
            case MSIX_MESSAGE_CONTROL -> capability(config, function, MSIX, "MSI-X") + 0x02;
            case RESIZABLE_BAR_CONTROL -> extended(config, function, EXT_RESIZABLE_BAR, "Resizable BAR")
                    .orElseThrow(() -> absent(function, "Resizable BAR", EXT_RESIZABLE_BAR)) + 0x08;
            case ARI_CONTROL -> extended(config, function, EXT_ARI, "ARI")
                    .orElseThrow(() -> absent(function, "ARI", EXT_ARI)) + 0x06;
            case PASID_CONTROL -> extended(config, function, EXT_PASID, "PASID")
                    .orElseThrow(() -> absent(function, "PASID", EXT_PASID)) + 0x06;
            case SRIOV_CONTROL -> extended(config, function, EXT_SRIOV, "SR-IOV")
                    .orElseThrow(() -> absent(function, "SR-IOV", EXT_SRIOV)) + 0x08;
        };
    }

    /** Whether {@code function} has {@code register}: an extended capability's only if the function has it. */
    @Override
    public boolean hasRegister(PciAddress function, ConfigRegister register) throws IOException {
        PciConfigAccess config = config(function);
        return switch (register) {
            case RESIZABLE_BAR_CONTROL -> extended(config, function, EXT_RESIZABLE_BAR, "Resizable BAR").isPresent();
            case ARI_CONTROL -> extended(config, function, EXT_ARI, "ARI").isPresent();
            case PASID_CONTROL -> extended(config, function, EXT_PASID, "PASID").isPresent();
            case SRIOV_CONTROL -> extended(config, function, EXT_SRIOV, "SR-IOV").isPresent();
            default -> true;
        };
    }

    private static IOException absent(PciAddress function, String name, int id) {
        return new IOException(function + " has no " + name + " extended capability (ID 0x" + Integer.toHexString(id)
                + ")");
    }

    /** The offset of the extended capability {@code id}, if {@code function} has it; a broken list names the function. */
    private static Optional<Integer> extended(PciConfigAccess config, PciAddress function, int id, String name)
            throws IOException {
        try {
            return PciConfigAccess.extendedCapability(config, id);
        } catch (IOException broken) {
            throw new IOException(function + ", looking for " + name + ": " + broken.getMessage(), broken);
        }
    }

    /** The offset of the capability {@code id} in the capability list. */
    private static int capability(PciConfigAccess config, PciAddress function, int id, String name)
            throws IOException {
        if ((config.read32(0x04) >>> 16 & STATUS_CAPABILITIES_LIST) == 0) {
            throw new IOException(function + " has no capability list (Status bit 4 clear), so no " + name
                    + " capability");
        }
        int offset = config.read32(CAPABILITY_POINTER) & 0xFC;
        for (int step = 0; offset != 0 && step < 48; step++) {
            int header = config.read32(offset);
            if ((header & 0xFF) == id) {
                return offset;
            }
            offset = header >>> 8 & 0xFC;
        }
        throw new IOException(function + " has no " + name + " capability (ID 0x" + Integer.toHexString(id)
                + ") in its capability list");
    }
}
