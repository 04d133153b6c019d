package io.tsmtck.emu.host.pci;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.pci.PciHotplug;
import io.tsmtck.api.topology.Dsm;
import io.tsmtck.api.topology.FunctionRole;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.Topology;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Hot removal and rescan of the emulated functions. Removing PF0 takes its VFs with it and tears
 * down the DSM's TSM context ({@code pci_tsm_destroy()}); a rescan brings every function back.
 */
public final class EmuHotplug implements PciHotplug {

    private final Topology topology;
    private final Set<PciAddress> removed = ConcurrentHashMap.newKeySet();
    private Predicate<PciAddress> held = address -> false;
    private Consumer<PciAddress> dsmRemoved = dsm -> { };

    public EmuHotplug(Topology topology) {
        this.topology = topology;
    }

    /** Wires the layers a removal reaches: what holds a function, and the TSM core's teardown. */
    public void connect(Predicate<PciAddress> heldByVfio, Consumer<PciAddress> tearDownDsm) {
        this.held = heldByVfio;
        this.dsmRemoved = tearDownDsm;
    }

    /** Whether {@code address} is present (not removed since the last rescan). */
    public boolean isPresent(PciAddress address) {
        return !removed.contains(address);
    }

    @Override
    public Result<Done> remove(PciAddress function) {
        PciFunction present = topology.function(function).filter(f -> isPresent(f.address())).orElse(null);
        if (present == null) {
            return Result.refused(Errno.ENODEV, "no function " + function + " is present");
        }
        if (held.test(function)) {
            return Result.refused(Errno.EBUSY, function + " is held by a VFIO file; the kernel waits for it to close");
        }
        if (present.role() == FunctionRole.DSM) {
            dsmRemoved.accept(function);
            Dsm dsm = topology.dsmOf(function).orElseThrow();
            dsm.functions().stream().filter(f -> f.role() == FunctionRole.VF).forEach(vf -> removed.add(vf.address()));
        }
        removed.add(function);
        return Result.done();
    }

    @Override
    public Result<Done> rescan() {
        removed.clear();
        return Result.done();
    }
}
