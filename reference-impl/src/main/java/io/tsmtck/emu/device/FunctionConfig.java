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

    private final Map<ConfigRegister, Integer> registers = new EnumMap<>(ConfigRegister.class);

    FunctionConfig(long[] barBases) {
        for (int i = 0; i < barBases.length; i++) {
            registers.put(ConfigRegister.bar(i), (int) barBases[i]);
        }
    }

    int read(ConfigRegister register) {
        return registers.getOrDefault(register, 0);
    }

    void write(ConfigRegister register, int value) {
        int mask = register.width() == 4 ? -1 : (1 << (8 * register.width())) - 1;
        registers.put(register, value & mask);
    }

    /** What a function-level reset clears: command, device control and MSI-X control. */
    void resetFunction() {
        registers.put(ConfigRegister.COMMAND, 0);
        registers.put(ConfigRegister.DEVICE_CONTROL, 0);
        registers.put(ConfigRegister.MSIX_MESSAGE_CONTROL, 0);
    }
}
