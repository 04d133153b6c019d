package io.tsmtck.tck.device;

import io.tsmtck.api.device.DeviceControl;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.vfio.ConfigRegister;
import io.tsmtck.tck.setup.Setup;
import java.io.IOException;

/**
 * One function's configuration space through the device's rig: what a host's configuration
 * accesses do to a device, without a host. A failed access fails the test as a setup failure.
 */
public final class RigConfig {

    private final DeviceControl control;
    private final PciFunction function;

    RigConfig(DeviceControl control, PciFunction function) {
        this.control = control;
        this.function = function;
    }

    /** Reads {@code register}. */
    public int read(ConfigRegister register) {
        try {
            return control.readConfig(function.address(), register);
        } catch (IOException e) {
            throw Setup.failed("read " + register + " of " + function.address(), e.toString());
        }
    }

    /** Whether the function has {@code register} (a capability it lacks has none), as the rig tells. */
    public boolean has(ConfigRegister register) {
        try {
            return control.hasRegister(function.address(), register);
        } catch (IOException e) {
            throw Setup.failed("find " + register + " of " + function.address(), e.toString());
        }
    }

    /** Writes {@code register}. */
    public void write(ConfigRegister register, int value) {
        try {
            control.writeConfig(function.address(), register, value);
        } catch (IOException e) {
            throw Setup.failed(String.format("write 0x%X to %s of %s", value, register, function.address()),
                    e.toString());
        }
    }
}
