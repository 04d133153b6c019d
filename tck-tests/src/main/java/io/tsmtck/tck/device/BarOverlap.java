package io.tsmtck.tck.device;

import io.tsmtck.api.topology.Bar;
import io.tsmtck.api.vfio.ConfigRegister;
import org.opentest4j.TestAbortedException;

/**
 * Moves one memory BAR of a function so that it starts one page into another, through the rig's
 * configuration access, for 32-bit and 64-bit BARs alike: a 64-bit BAR (type bits 2:1 = 10b) takes
 * its register and the next one, so the upper dword is written too, and the BAR after a 64-bit
 * BAR0 is BAR2, not BAR1.
 */
public final class BarOverlap {

    private static final long PAGE = 4096;

    private BarOverlap() {
    }

    /**
     * Writes {@code moved}'s base address as {@code into}'s plus one page; returns what was done, to
     * name in a message. NOT_TESTED when a 32-bit {@code moved} cannot reach {@code into} above 4 GiB.
     */
    public static String move(RigConfig config, Bar moved, Bar into) {
        long target = base(config, into) + PAGE;
        int low = config.read(ConfigRegister.bar(moved.index()));
        if (!is64(low) && target >>> 32 != 0) {
            throw new TestAbortedException(String.format("blocked by: BAR%d is a 32-bit BAR and BAR%d sits above 4 GiB"
                    + " (0x%X), so the two cannot be made to overlap", moved.index(), into.index(), target - PAGE));
        }
        config.write(ConfigRegister.bar(moved.index()), (int) (target & ~0xFL) | low & 0xF);
        if (is64(low)) {
            config.write(ConfigRegister.bar(moved.index() + 1), (int) (target >>> 32));
        }
        return String.format("BAR%d (%d-bit) moved to 0x%X, one page into BAR%d (%d-bit)", moved.index(),
                is64(low) ? 64 : 32, target, into.index(), is64(config.read(ConfigRegister.bar(into.index()))) ? 64
                : 32);
    }

    /**
     * Writes {@code into}'s base address into the Expansion ROM base address register, its enable bit kept;
     * returns what was written. NOT_TESTED when {@code into} sits above 4 GiB, out of the ROM BAR's reach.
     */
    public static int romOnto(RigConfig config, Bar into, int oldRom) {
        long target = base(config, into);
        if (target >>> 32 != 0) {
            throw new TestAbortedException(String.format("blocked by: BAR%d sits above 4 GiB (0x%X), out of the"
                    + " 32-bit Expansion ROM BAR's reach", into.index(), target));
        }
        int written = (int) target & 0xFFFF_F800 | oldRom & 0x1;
        config.write(ConfigRegister.EXPANSION_ROM, written);
        return written;
    }

    /** The base address {@code bar}'s register (and, for a 64-bit BAR, the next one) holds. */
    static long base(RigConfig config, Bar bar) {
        int low = config.read(ConfigRegister.bar(bar.index()));
        long high = is64(low) ? Integer.toUnsignedLong(config.read(ConfigRegister.bar(bar.index() + 1))) : 0;
        return high << 32 | Integer.toUnsignedLong(low) & ~0xFL;
    }

    /** Whether a memory BAR register's type bits (2:1) say 64-bit. */
    static boolean is64(int register) {
        return (register & 0x1) == 0 && (register >>> 1 & 0x3) == 0x2;
    }
}
