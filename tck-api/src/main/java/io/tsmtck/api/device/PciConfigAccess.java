package io.tsmtck.api.device;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /** Where the extended capabilities begin. */
    int FIRST_EXTENDED = 0x100;

    /** One extended capability: its ID (bits 15:0 of its header) at {@code offset}. */
    record ExtendedCapability(int id, int offset) {
        @Override
        public String toString() {
            return String.format("0x%04X@0x%03X", id, offset);
        }
    }

    /**
     * The extended capabilities of {@code config}, in list order from 0x100 (each header: ID in bits 15:0, the
     * next offset in bits 31:20; the list may go up or down). Empty when 0x100 reads 0 or all ones.
     *
     * @throws IOException on a read that fails, or a broken list: a pointer below 0x100 or back to a capability
     *     already listed
     */
    static List<ExtendedCapability> extendedCapabilities(PciConfigAccess config) throws IOException {
        List<ExtendedCapability> found = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int offset = FIRST_EXTENDED;
        while (seen.add(offset)) {
            int header = config.read32(offset);
            if (header == 0 || header == -1) {
                break;
            }
            found.add(new ExtendedCapability(header & 0xFFFF, offset));
            int next = header >>> 20 & 0xFFC;
            if (next == 0) {
                break;
            }
            if (next < FIRST_EXTENDED || seen.contains(next)) {
                throw new IOException("the extended capability list is broken: the capability at 0x"
                        + Integer.toHexString(offset) + " points to 0x" + Integer.toHexString(next) + " (listed so far: "
                        + found + ")");
            }
            offset = next;
        }
        return found;
    }

    /** The offset of the extended capability {@code id} in {@code config}, if it has one ({@link #extendedCapabilities}). */
    static Optional<Integer> extendedCapability(PciConfigAccess config, int id) throws IOException {
        return extendedCapabilities(config).stream().filter(c -> c.id() == id).map(ExtendedCapability::offset)
                .findFirst();
    }
}
