package io.tsmtck.emu.host.vfio;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.vfio.ConfigRegister;
import io.tsmtck.api.vfio.ConfigSpace;

/** Config-space access through the VFIO device, which virtualises memory-decode and FLR writes. */
final class VfioConfigSpace implements ConfigSpace {

    private final EmuVfioDevice device;

    VfioConfigSpace(EmuVfioDevice device) {
        this.device = device;
    }

    @Override
    public int read(ConfigRegister register) {
        return device.readConfig(register);
    }

    @Override
    public Result<Done> write(ConfigRegister register, int value) {
        return device.writeConfig(register, value);
    }
}
