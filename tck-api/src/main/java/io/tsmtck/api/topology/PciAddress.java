package io.tsmtck.api.topology;

/**
 * A PCI function's address: segment, bus, device, function ({@code 0000:01:00.0}).
 *
 * @param segment PCI segment (domain), 0..0xFFFF
 * @param bus 0..255
 * @param device 0..31
 * @param function 0..7
 */
public record PciAddress(int segment, int bus, int device, int function) {

    public PciAddress {
        check("segment", segment, 0xFFFF);
        check("bus", bus, 0xFF);
        check("device", device, 0x1F);
        check("function", function, 7);
    }

    /** The 16-bit requester id (bus 15:8, device 7:3, function 2:0). */
    public int requesterId() {
        return bus << 8 | device << 3 | function;
    }

    /** The function at {@code requesterId} in {@code segment}. */
    public static PciAddress fromRequesterId(int segment, int requesterId) {
        return new PciAddress(segment, (requesterId >> 8) & 0xFF, (requesterId >> 3) & 0x1F, requesterId & 7);
    }

    private static void check(String name, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " must be in 0.." + max + ": " + value);
        }
    }

    @Override
    public String toString() {
        return String.format("%04x:%02x:%02x.%d", segment, bus, device, function);
    }
}
