package io.tsmtck.api.device;

import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.vfio.ConfigRegister;
import java.io.IOException;
import java.util.Set;

/**
 * What a test rig can do to a device besides speaking to its DOE mailbox: the accesses and events
 * that PCIe Base 6.x 11.4.1 says move a locked TDI to ERROR or reset it. Each is optional: the
 * kit asks {@link #actions()} and reports a rule that needs an action the rig does not offer as
 * NOT_TESTED, naming the action.
 *
 * <p>Threading: called from the running test only. Every method returns once the device has seen
 * the access or event.
 */
public interface DeviceControl {

    /** The things a rig may be able to do. */
    enum Action {
        /** {@link #readConfig} and {@link #writeConfig}: the function's configuration space. */
        CONFIG_ACCESS("read and write configuration space (e.g. /sys/bus/pci/devices/<BDF>/config as root)"),
        /** {@link #functionLevelReset}. */
        FUNCTION_LEVEL_RESET("initiate an FLR (Device Control bit 15, or /sys/bus/pci/devices/<BDF>/reset)"),
        /** {@link #inject} of {@link DeviceEvent.ConventionalReset}. */
        CONVENTIONAL_RESET("reset the device (a secondary bus reset of its slot)"),
        /** {@link #inject} of {@link DeviceEvent.IdeStreamInsecure}. */
        IDE_STREAM_INSECURE("take an IDE stream out of the Secure state (an integrity failure on the link)"),
        /** {@link #inject} of {@link DeviceEvent.PowerStateLoss}. */
        POWER_STATE_LOSS("move a function through D3cold"),
        /** {@link #inject} of {@link DeviceEvent.PoisonedTlp}. */
        POISONED_TLP("deliver a poisoned TLP to a function");

        private final String toOffer;

        Action(String toOffer) {
            this.toOffer = toOffer;
        }

        /** What a rig must be able to do to offer this action. */
        public String toOffer() {
            return toOffer;
        }

        /** The action that injects {@code event}. */
        public static Action of(DeviceEvent event) {
            if (event instanceof DeviceEvent.ConventionalReset) {
                return CONVENTIONAL_RESET;
            } else if (event instanceof DeviceEvent.IdeStreamInsecure) {
                return IDE_STREAM_INSECURE;
            } else if (event instanceof DeviceEvent.PowerStateLoss) {
                return POWER_STATE_LOSS;
            } else if (event instanceof DeviceEvent.PoisonedTlp) {
                return POISONED_TLP;
            }
            throw new IllegalArgumentException("no rig action injects " + event);
        }
    }

    /** The actions this rig offers; the kit calls no method of an action not listed. */
    Set<Action> actions();

    /**
     * Whether the device's reaction to an access or event (a TDI moving to ERROR, or staying) is
     * complete when the method returns, as in an emulation. False, the default, for hardware: before
     * concluding that something did not happen, the kit then watches the TDI for
     * {@code tsm-tck.timeout.absent}. Say true only for a model that has reacted when the call
     * returns: the kit then checks at once, and a late reaction would go unseen; the report's device
     * section shows the declaration.
     */
    default boolean reactsAtOnce() {
        return false;
    }

    /** Reads {@code register} of {@code function}. */
    int readConfig(PciAddress function, ConfigRegister register) throws IOException;

    /**
     * Whether {@code function} has {@code register}: false for the register of a capability it lacks (an
     * extended capability's control register), so that the kit leaves what rests on it NOT_TESTED. True by
     * default: a rig that cannot tell lets the kit try the access.
     */
    default boolean hasRegister(PciAddress function, ConfigRegister register) throws IOException {
        return true;
    }

    /** Writes {@code register} of {@code function}, as a host's configuration write would. */
    void writeConfig(PciAddress function, ConfigRegister register, int value) throws IOException;

    /** A function-level reset of {@code function} (of PF0: its VFs too). */
    void functionLevelReset(PciAddress function) throws IOException;

    /** Makes {@code event} happen to the device. */
    void inject(DeviceEvent event) throws IOException;
}
