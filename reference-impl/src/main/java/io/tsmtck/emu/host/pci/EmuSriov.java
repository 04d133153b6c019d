package io.tsmtck.emu.host.pci;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.pci.PciSriov;
import io.tsmtck.api.topology.FunctionRole;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The emulated PFs' {@code sriov_numvfs}: every VF of the topology belongs to its DSM's PF0 and is
 * enabled when the stack is made. Disabling removes the VFs (each told to the TSM core, as
 * {@code pci_destroy_dev()} calls {@code pci_tsm_destroy()}); enabling adds VFs 0 to N - 1 (each
 * told to the TSM core, as {@code pci_device_add()} calls {@code pci_tsm_init()}).
 */
public final class EmuSriov implements PciSriov {

    private final Topology topology;
    private final Map<PciAddress, Integer> numVfs = new ConcurrentHashMap<>();
    private Predicate<PciAddress> held = address -> false;
    private Consumer<PciAddress> added = vf -> { };
    private Consumer<PciAddress> removed = vf -> { };

    public EmuSriov(Topology topology) {
        this.topology = topology;
        topology.dsms().forEach(dsm -> numVfs.put(dsm.address(), vfsOf(dsm.address()).size()));
    }

    /** Wires what a change reaches: what holds a VF, and the TSM core's init and destroy. */
    public void connect(Predicate<PciAddress> heldByVfio, Consumer<PciAddress> vfAdded, Consumer<PciAddress> vfRemoved) {
        this.held = heldByVfio;
        this.added = vfAdded;
        this.removed = vfRemoved;
    }

    /** Whether {@code address} is enabled: every function but a VF beyond its PF's count. */
    public boolean isEnabled(PciAddress address) {
        return topology.function(address).filter(f -> f.role() == FunctionRole.VF)
                .map(vf -> enabledVfs(vf.dsm()).contains(address)).orElse(true);
    }

    @Override
    public List<PciAddress> enabledVfs(PciAddress pf) {
        List<PciAddress> all = vfsOf(pf);
        return all.subList(0, Math.min(all.size(), numVfs.getOrDefault(pf, 0)));
    }

    @Override
    public synchronized Result<Done> setNumVfs(PciAddress pf, int count) {
        List<PciAddress> all = vfsOf(pf);
        if (!numVfs.containsKey(pf) || all.isEmpty()) {
            return Result.refused(Errno.ENOENT, pf + " has no SR-IOV capability: no sriov_numvfs file");
        }
        if (count < 0 || count > all.size()) {
            return Result.refused(Errno.ERANGE, count + " is above " + pf + "'s TotalVFs (" + all.size() + ")");
        }
        int current = numVfs.get(pf);
        if (count == current) {
            return Result.done();
        }
        if (count != 0 && current != 0) {
            return Result.refused(Errno.EBUSY, current + " VFs already enabled on " + pf + "; disable before enabling "
                    + count);
        }
        if (count == 0) {
            List<PciAddress> enabled = enabledVfs(pf);
            if (enabled.stream().anyMatch(held)) {
                return Result.refused(Errno.EBUSY, "a VF of " + pf + " is held by a VFIO file; the emulation does not"
                        + " wait for it to close");
            }
            numVfs.put(pf, 0);
            enabled.forEach(removed);
            return Result.done();
        }
        numVfs.put(pf, count);
        all.subList(0, count).forEach(added);
        return Result.done();
    }

    private List<PciAddress> vfsOf(PciAddress pf) {
        return topology.dsmOf(pf).filter(dsm -> dsm.address().equals(pf)).map(dsm -> dsm.functions().stream()
                .filter(f -> f.role() == FunctionRole.VF).map(PciFunction::address).toList()).orElse(List.of());
    }
}
