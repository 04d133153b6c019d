package io.tsmtck.api.tdisp;

import java.util.EnumSet;
import java.util.Set;

/**
 * The FLAGS bits of LOCK_INTERFACE_REQUEST and LOCK_INTERFACE_FLAGS_SUPPORTED (PCIe Base 6.x
 * 11.3.8, table 11-9). Bits 15:5 are reserved. A device that does not support a flag does not fail
 * LOCK for it; software just must not assume the behaviour.
 */
public enum LockFlag {
    NO_FW_UPDATE(0),
    SYSTEM_CACHE_LINE_SIZE(1),
    LOCK_MSIX(2),
    BIND_P2P(3),
    ALL_REQUEST_REDIRECT(4);

    /** Bits 15:5 of the flags field. */
    public static final int RESERVED_MASK = 0xFFE0;

    private final int bit;

    LockFlag(int bit) {
        this.bit = bit;
    }

    public int mask() {
        return 1 << bit;
    }

    /** The u16 with the bits of {@code flags} set. */
    public static int toBits(Set<LockFlag> flags) {
        int bits = 0;
        for (LockFlag flag : flags) {
            bits |= flag.mask();
        }
        return bits;
    }

    /** The defined flags set in {@code bits}; reserved bits are not reported. */
    public static Set<LockFlag> fromBits(int bits) {
        Set<LockFlag> flags = EnumSet.noneOf(LockFlag.class);
        for (LockFlag flag : values()) {
            if ((bits & flag.mask()) != 0) {
                flags.add(flag);
            }
        }
        return flags;
    }
}
