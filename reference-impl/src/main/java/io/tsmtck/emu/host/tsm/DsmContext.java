package io.tsmtck.emu.host.tsm;

import io.tsmtck.api.device.SpdmSessionId;
import io.tsmtck.api.topology.Dsm;
import io.tsmtck.api.topology.IdeStream;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.emu.device.EmuDevice;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The core's state for one DSM ({@code struct pci_tsm_pf0}): the DSM lock, the connection (TSM
 * name, SPDM session, IDE stream) and the per-function contexts made at connect, with their
 * bindings.
 *
 * <p>Threading: every field is guarded by {@link #lock}, the DSM lock.
 */
final class DsmContext {

    final ReentrantLock lock = new ReentrantLock();
    final Dsm dsm;
    final EmuDevice device;
    final HostBridge hostBridge;
    Optional<String> tsm = Optional.empty();
    Optional<SpdmSessionId> session = Optional.empty();
    Optional<IdeStream> stream = Optional.empty();
    /** Function contexts in probe order (PF0 first); a function missing here has no context. */
    final Map<PciAddress, Optional<Binding>> contexts = new LinkedHashMap<>();

    DsmContext(Dsm dsm, EmuDevice device, HostBridge hostBridge) {
        this.dsm = dsm;
        this.device = device;
        this.hostBridge = hostBridge;
    }

    boolean connected() {
        return tsm.isPresent();
    }

    /** The function at {@code address}, which must be one of this DSM's. */
    PciFunction function(PciAddress address) {
        return dsm.functions().stream().filter(f -> f.address().equals(address)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(address + " is not a function of " + dsm.address()));
    }

    LinkChannel link() {
        return new LinkChannel(device, session.orElseThrow());
    }
}
