package io.tsmtck.api.topology;

/**
 * A memory BAR of a function.
 *
 * @param index BAR index 0..5 (the VFIO region index)
 * @param size size in bytes, a power of two of at least 4 KiB
 */
public record Bar(int index, long size) {

    /** Smallest BAR the kit uses: one 4 KiB page. */
    public static final long MIN_SIZE = 4096;

    public Bar {
        if (index < 0 || index > 5) {
            throw new IllegalArgumentException("BAR index is 0..5: " + index);
        }
        if (size < MIN_SIZE || Long.bitCount(size) != 1) {
            throw new IllegalArgumentException("BAR size is a power of two >= 4 KiB: " + size);
        }
    }
}
