package io.tsmtck.emu.device;

import io.tsmtck.api.topology.FunctionRole;
import io.tsmtck.api.vfio.ConfigRegister;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The config-space registers of one emulated function, as raw values. What a write does to the
 * function's TDI is decided by {@link EmuDevice}; this class only stores.
 *
 * <p>Threading: guarded by the owning device's lock.
 */
final class FunctionConfig {

    /** Device Capabilities: Function Level Reset Capability, Max_Payload_Size 256 bytes. */
    static final int DEVICE_CAPABILITIES = ConfigRegister.DEVICE_CAPABILITIES_FLR | 0x1;
    /**
     * Device Control as a reset leaves it: Enable Relaxed Ordering, Extended Tag Field Enable,
     * Enable No Snoop, Max_Read_Request_Size 512 bytes.
     */
    static final int DEVICE_CONTROL = 0x2910;

    /**
     * Resizable BAR Control of the first resizable BAR (BAR0, index 0 in bits 2:0; one resizable BAR in bits
     * 7:5; BAR Size 2, 4 MB, in bits 13:8).
     */
    static final int RESIZABLE_BAR_CONTROL = 1 << 5 | 2 << 8;
    /** SR-IOV Control of a PF whose VFs are enabled: VF Enable, VF Memory Space Enable. */
    static final int SRIOV_CONTROL = 0x1 | ConfigRegister.SRIOV_CONTROL_VF_MSE;
    /** The extended capabilities' registers, which a function has only with the capability. */
    private static final Set<ConfigRegister> CAPABILITY_REGISTERS = EnumSet.of(ConfigRegister.RESIZABLE_BAR_CONTROL,
            ConfigRegister.ARI_CONTROL, ConfigRegister.PASID_CONTROL, ConfigRegister.SRIOV_CONTROL);

    private final Map<ConfigRegister, Integer> registers = new EnumMap<>(ConfigRegister.class);
    /** A VF's Expansion ROM base address register is read-only zero (SR-IOV: VFs have no Expansion ROM). */
    private final boolean romReadOnly;

    /**
     * A function with {@code barBases}: every function has the ARI and PASID capabilities; a physical function
     * also Resizable BAR and, when it has VFs ({@code role} DSM or PF), SR-IOV.
     */
    FunctionConfig(long[] barBases, FunctionRole role) {
        romReadOnly = role == FunctionRole.VF;
        for (int i = 0; i < barBases.length; i++) {
            registers.put(ConfigRegister.bar(i), (int) barBases[i]);
        }
        registers.put(ConfigRegister.DEVICE_CAPABILITIES, DEVICE_CAPABILITIES);
        registers.put(ConfigRegister.DEVICE_CONTROL, DEVICE_CONTROL);
        registers.put(ConfigRegister.ARI_CONTROL, 0);
        registers.put(ConfigRegister.PASID_CONTROL, 0);
        if (role != FunctionRole.VF) {
            registers.put(ConfigRegister.RESIZABLE_BAR_CONTROL, RESIZABLE_BAR_CONTROL);
            registers.put(ConfigRegister.SRIOV_CONTROL, SRIOV_CONTROL);
        }
    }

    /** Whether the function has {@code register}: an extended capability's only with the capability. */
    boolean has(ConfigRegister register) {
        return !CAPABILITY_REGISTERS.contains(register) || registers.containsKey(register);
    }

    int read(ConfigRegister register) {
        return registers.getOrDefault(register, 0);
    }

    /**
     * Stores a write; Device Capabilities is read-only, Initiate FLR always reads 0, and the register of a
     * capability the function lacks, or a VF's Expansion ROM base address, takes nothing.
     */
    void write(ConfigRegister register, int value) {
        if (register == ConfigRegister.DEVICE_CAPABILITIES || !has(register)
                || register == ConfigRegister.EXPANSION_ROM && romReadOnly) {
            return;
        }
        int mask = register.width() == 4 ? -1 : (1 << (8 * register.width())) - 1;
        int kept = register == ConfigRegister.DEVICE_CONTROL ? ~ConfigRegister.DEVICE_CONTROL_INITIATE_FLR : -1;
        registers.put(register, value & mask & kept);
    }

    /** What a function-level reset returns to its default: command, device control and MSI-X control. */
    void resetFunction() {
        registers.put(ConfigRegister.COMMAND, 0);
        registers.put(ConfigRegister.DEVICE_CONTROL, DEVICE_CONTROL);
        registers.put(ConfigRegister.MSIX_MESSAGE_CONTROL, 0);
    }
}
