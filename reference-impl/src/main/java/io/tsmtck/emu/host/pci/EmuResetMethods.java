package io.tsmtck.emu.host.pci;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.pci.PciResetMethod;
import io.tsmtck.api.topology.FunctionRole;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulated functions' {@code reset_method}: a PF can reset by FLR, a power-management D3hot
 * cycle or a bus reset, a VF by FLR only; every method is in use until a write changes that.
 */
public final class EmuResetMethods implements PciResetMethod {

    private static final List<String> PF = List.of("flr", "pm", "bus");
    private static final List<String> VF = List.of("flr");

    private final Topology topology;
    private final Map<PciAddress, List<String>> inUse = new ConcurrentHashMap<>();

    public EmuResetMethods(Topology topology) {
        this.topology = topology;
    }

    /** Whether {@code function} has a reset method in use now. */
    public boolean canReset(PciAddress function) {
        return methods(function).asOptional().filter(m -> !m.isEmpty()).isPresent();
    }

    @Override
    public Result<List<String>> methods(PciAddress function) {
        return supported(function).map(all -> Result.ok(inUse.getOrDefault(function, all)))
                .orElseGet(() -> Result.refused(Errno.ENODEV, "no function " + function));
    }

    @Override
    public Result<Done> set(PciAddress function, List<String> methods) {
        Optional<List<String>> supported = supported(function);
        if (supported.isEmpty()) {
            return Result.refused(Errno.ENODEV, "no function " + function);
        }
        for (String method : methods) {
            if (!supported.get().contains(method)) {
                return Result.refused(Errno.EINVAL, "Unsupported reset method '" + method + "' for " + function
                        + " (it supports " + supported.get() + ")");
            }
        }
        inUse.put(function, List.copyOf(methods));
        return Result.done();
    }

    @Override
    public Result<Done> restoreDefault(PciAddress function) {
        if (supported(function).isEmpty()) {
            return Result.refused(Errno.ENODEV, "no function " + function);
        }
        inUse.remove(function);
        return Result.done();
    }

    private Optional<List<String>> supported(PciAddress function) {
        return topology.function(function).map(PciFunction::role).map(role -> role == FunctionRole.VF ? VF : PF);
    }
}
