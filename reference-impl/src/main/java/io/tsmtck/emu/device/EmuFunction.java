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

    /** The smallest Expansion ROM: its base register keeps address bits 31:11. */
    private static final long ROM_MIN_SIZE = 2048;

    /**
     * Whether the Expansion ROM base address, when one is set, lies over a memory BAR, or a BAR starts inside
     * the ROM's smallest size (an invalid configuration to lock, §11.3.8).
     */
    boolean romOverlapsBar() {
        long rom = Integer.toUnsignedLong(config.read(ConfigRegister.EXPANSION_ROM)) & 0xFFFF_F800L;
        if (rom == 0) {
            return false;
        }
        for (Bar bar : bars()) {
            long base = barBase(bar.index());
            if (rom < base + bar.size() && base < rom + ROM_MIN_SIZE) {
                return true;
            }
        }
        return false;
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
