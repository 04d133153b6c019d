package io.tsmtck.emu.device;

import io.tsmtck.api.vfio.ConfigRegister;
import java.util.EnumMap;
import java.util.Map;

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

    private final Map<ConfigRegister, Integer> registers = new EnumMap<>(ConfigRegister.class);

    FunctionConfig(long[] barBases) {
        for (int i = 0; i < barBases.length; i++) {
            registers.put(ConfigRegister.bar(i), (int) barBases[i]);
        }
        registers.put(ConfigRegister.DEVICE_CAPABILITIES, DEVICE_CAPABILITIES);
        registers.put(ConfigRegister.DEVICE_CONTROL, DEVICE_CONTROL);
    }

    int read(ConfigRegister register) {
        return registers.getOrDefault(register, 0);
    }

    /** Stores a write; Device Capabilities is read-only and Initiate FLR always reads 0. */
    void write(ConfigRegister register, int value) {
        if (register == ConfigRegister.DEVICE_CAPABILITIES) {
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
