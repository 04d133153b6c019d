package io.tsmtck.tck.device;

import io.tsmtck.api.device.DeviceControl;
import io.tsmtck.api.device.DeviceEvent;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.vfio.ConfigRegister;
import java.io.IOException;
import java.util.Set;

/**
 * A rig opened on first use, so that a run that never needs it (or a machine where it cannot be
 * opened) is not stopped by it: a rig that fails to open fails the access that needed it, naming why.
 */
final class LazyRig implements DeviceControl {

    /** Opens the rig. */
    interface Opener {
        DeviceControl open() throws IOException;
    }

    private final Opener opener;
    private final Set<Action> actions;
    private DeviceControl rig;

    /** A rig of {@code actions}, opened by {@code opener} at its first use. */
    LazyRig(Opener opener, Set<Action> actions) {
        this.opener = opener;
        this.actions = Set.copyOf(actions);
    }

    @Override
    public Set<Action> actions() {
        return actions;
    }

    @Override
    public int readConfig(PciAddress function, ConfigRegister register) throws IOException {
        return rig().readConfig(function, register);
    }

    @Override
    public boolean hasRegister(PciAddress function, ConfigRegister register) throws IOException {
        return rig().hasRegister(function, register);
    }

    @Override
    public void writeConfig(PciAddress function, ConfigRegister register, int value) throws IOException {
        rig().writeConfig(function, register, value);
    }

    @Override
    public void functionLevelReset(PciAddress function) throws IOException {
        rig().functionLevelReset(function);
    }

    @Override
    public void inject(DeviceEvent event) throws IOException {
        rig().inject(event);
    }

    private synchronized DeviceControl rig() throws IOException {
        if (rig == null) {
            rig = opener.open();
        }
        return rig;
    }
}
