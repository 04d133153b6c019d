package io.tsmtck.emu.device;

import io.tsmtck.api.topology.Bar;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.vfio.ConfigRegister;
import io.tsmtck.emu.faults.Fault;
import io.tsmtck.emu.faults.FaultPlan;
import java.util.List;

/**
 * One function of an emulated device: its identity, config registers and TDI.
 *
 * <p>Threading: guarded by the owning {@link EmuDevice}'s lock.
 */
final class EmuFunction {

    private final PciFunction info;
    private final FunctionConfig config;
    private final Tdi tdi = new Tdi();

    EmuFunction(PciFunction info, long[] barBases) {
        this.info = info;
        this.config = new FunctionConfig(barBases, info.role());
    }

    PciFunction info() {
        return info;
    }

    FunctionConfig config() {
        return config;
    }

    Tdi tdi() {
        return tdi;
    }

    List<Bar> bars() {
        return info.bars();
    }

    /** The BAR's current base address, as its register holds it. */
    long barBase(int index) {
        return config.read(ConfigRegister.bar(index)) & 0xFFFF_FFF0L;
    }

    /** Whether two of the function's BARs overlap, in either order (an invalid configuration to lock). */
    boolean barsOverlap(FaultPlan faults) {
        for (Bar a : bars()) {
            for (Bar b : bars()) {
                if (a.index() >= b.index()) {
                    continue;
                }
                if (faults.inject(Fault.TDISP_OVERLAP_ONE_ORDER)) {
                    // the defect: only a higher BAR starting inside a lower one counts
                    if (barBase(a.index()) <= barBase(b.index())
                            && barBase(b.index()) < barBase(a.index()) + a.size()) {
                        return true;
                    }
                    continue;
                }
                if (barBase(a.index()) < barBase(b.index()) + b.size()
                        && barBase(b.index()) < barBase(a.index()) + a.size()) {
                    return true;
                }
            }
        }
        return false;
    }
}
