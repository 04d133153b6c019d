package io.tsmtck.api.device;

import java.io.IOException;

/**
 * Dword access to one PCI function's configuration space (4 KiB, little endian): what a lab machine
 * offers through {@code /sys/bus/pci/devices/<BDF>/config}, and what the device kit's DOE mailbox
 * transport drives.
 *
 * <p>Threading: callers serialise; a DOE exchange is a sequence of accesses that must not interleave.
 */
public interface PciConfigAccess {

    /** Size of PCIe configuration space. */
    int SIZE = 4096;

    /** Reads the dword at {@code offset} (a multiple of 4 below {@link #SIZE}). */
    int read32(int offset) throws IOException;

    /** Writes the dword at {@code offset}. */
    void write32(int offset, int value) throws IOException;
}
