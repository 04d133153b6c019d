package io.tsmtck.emu.host.vfio;

import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.Topology;
import io.tsmtck.api.vfio.Vfio;
import io.tsmtck.api.vfio.VfioCdev;
import io.tsmtck.emu.device.EmuDevice;
import io.tsmtck.emu.faults.ResourceLedger.Kind;
import io.tsmtck.emu.host.tsm.EmuTsmCore;
import io.tsmtck.emu.stack.EmuContext;
import io.tsmtck.emu.host.pci.EmuResetMethods;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The VFIO cdevs of one emulated stack: one open per function at a time. */
public final class EmuVfio implements Vfio {

    private final Topology topology;
    private final Map<PciAddress, EmuDevice> devices;
    private final EmuTsmCore tsm;
    private final EmuContext context;
    private final Set<PciAddress> open = new HashSet<>();
    private final Predicate<PciAddress> present;
    private final EmuResetMethods resetMethods;

    public EmuVfio(Topology topology, Map<PciAddress, EmuDevice> devices, EmuTsmCore tsm, EmuContext context,
                   Predicate<PciAddress> present, EmuResetMethods resetMethods) {
        this.present = present;
        this.resetMethods = resetMethods;
        this.topology = topology;
        this.devices = Map.copyOf(devices);
        this.tsm = tsm;
        this.context = context;
    }

    @Override
    public Result<VfioCdev> open(PciAddress address) {
        Optional<PciFunction> function = topology.function(address).filter(f -> present.test(f.address()));
        if (function.isEmpty()) {
            return Result.refused(Errno.ENODEV, "no function " + address);
        }
        EmuDevice device = devices.get(function.get().dsm());
        return context.ledger().allocate(Kind.VFIO_DEVICE, () -> Result.ok(context.handles().track(
                new EmuVfioCdev(function.get(), device, tsm, context, this))));
    }

    /** The functions' reset methods, which VFIO_DEVICE_RESET uses. */
    EmuResetMethods resetMethods() {
        return resetMethods;
    }

    /** Whether a bound file holds {@code address}. */
    public boolean isHeld(PciAddress address) {
        synchronized (open) {
            return open.contains(address);
        }
    }

    /** Whether a file of {@code address} may open the device: none other has. */
    boolean claim(PciAddress address) {
        synchronized (open) {
            return open.add(address);
        }
    }

    /** The file that opened the device is done with it. */
    void unclaim(PciAddress address) {
        synchronized (open) {
            open.remove(address);
        }
    }

    /** A file was closed. */
    void released() {
        context.ledger().free(Kind.VFIO_DEVICE);
    }
}
