package io.tsmtck.api.device;

import io.tsmtck.api.topology.PciAddress;
import java.util.Objects;

/**
 * Something that happens to a device outside the host stack's uAPIs, which TDISP says must move
 * its locked TDIs to ERROR (PCIe Base 6.x 11.4.1) or reset them. The device kit makes them happen
 * through the {@link DeviceControl} of a rig that declares them. The end of an SPDM session is not
 * one: the kit, as the requester, ends its own sessions with END_SESSION.
 */
public sealed interface DeviceEvent {

    /** The device whose functions the event hits. */
    PciAddress target();

    /** The IDE stream {@code streamId} of the DSM leaves the Secure state. */
    record IdeStreamInsecure(PciAddress target, int streamId) implements DeviceEvent {
        public IdeStreamInsecure {
            Objects.requireNonNull(target, "target");
        }
    }

    /** A conventional reset of the device: every TDI goes to CONFIG_UNLOCKED. */
    record ConventionalReset(PciAddress target) implements DeviceEvent {
        public ConventionalReset {
            Objects.requireNonNull(target, "target");
        }
    }

    /** A power transition of the function that loses its state (D3cold). */
    record PowerStateLoss(PciAddress target) implements DeviceEvent {
        public PowerStateLoss {
            Objects.requireNonNull(target, "target");
        }
    }

    /** A poisoned TLP received by the function. */
    record PoisonedTlp(PciAddress target) implements DeviceEvent {
        public PoisonedTlp {
            Objects.requireNonNull(target, "target");
        }
    }
}
