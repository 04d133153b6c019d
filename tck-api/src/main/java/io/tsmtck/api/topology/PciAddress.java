package io.tsmtck.api.topology;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PCI function's address: segment, bus, device, function ({@code 0000:01:00.0}).
 *
 * @param segment PCI segment (domain), 0..0xFFFF
 * @param bus 0..255
 * @param device 0..31
 * @param function 0..7
 */
public record PciAddress(int segment, int bus, int device, int function) {

    private static final Pattern FORM = Pattern.compile(
            "(?:([0-9a-fA-F]{1,4}):)?([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})\\.([0-7])");

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

    /**
     * Parses {@code 0000:3b:00.0} (segment:bus:device.function, hexadecimal but the function) or
     * {@code 3b:00.0} (segment 0), as lspci and sysfs print it.
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static PciAddress parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a PCI address; write it as lspci -D does,"
                    + " for example 0000:3b:00.0");
        }
        return new PciAddress(m.group(1) == null ? 0 : Integer.parseInt(m.group(1), 16), Integer.parseInt(m.group(2), 16),
                Integer.parseInt(m.group(3), 16), Integer.parseInt(m.group(4)));
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
