package io.tsmtck.tck.transport;

import io.tsmtck.api.device.PciConfigAccess;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * Configuration space through sysfs ({@code /sys/bus/pci/devices/<BDF>/config}): positioned 4-byte
 * reads and writes of the file. Writes above 0x3F need root (CAP_SYS_ADMIN), and the function must
 * not be owned by a kernel TSM driver that uses the same mailbox.
 *
 * <p>Lifecycle: {@link #close()} closes the file. Threading: one exchange at a time.
 */
public final class SysfsConfigSpace implements PciConfigAccess, AutoCloseable {

    private static final Pattern BDF = Pattern.compile("[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]");

    private final FileChannel file;
    private final String name;

    private SysfsConfigSpace(FileChannel file, String name) {
        this.file = file;
        this.name = name;
    }

    /** Opens the config file of {@code bdf} ("0000:3b:00.0") under {@code /sys/bus/pci/devices}. */
    public static SysfsConfigSpace open(String bdf) throws IOException {
        if (!BDF.matcher(bdf).matches()) {
            throw new IllegalArgumentException("'" + bdf + "' is not a PCI address of the form 0000:3b:00.0 "
                    + "(see `lspci -D`)");
        }
        return open(Path.of("/sys/bus/pci/devices", bdf, "config"), bdf);
    }

    /** Opens {@code config} as the configuration space of {@code name}. */
    public static SysfsConfigSpace open(Path config, String name) throws IOException {
        try {
            return new SysfsConfigSpace(FileChannel.open(config, StandardOpenOption.READ, StandardOpenOption.WRITE),
                    name);
        } catch (NoSuchFileException e) {
            throw new IOException("no PCI function " + name + " (" + config + " does not exist; see `lspci -D`)", e);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot open " + config + " for writing: the DOE mailbox needs root", e);
        }
    }

    @Override
    public int read32(int offset) throws IOException {
        check(offset);
        ByteBuffer buffer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException(name + ": configuration space ends before 0x" + Integer.toHexString(offset)
                        + " (is it a PCIe function with 4 KiB of configuration space, and are you root?)");
            }
        }
        return buffer.flip().getInt();
    }

    @Override
    public void write32(int offset, int value) throws IOException {
        check(offset);
        ByteBuffer buffer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).flip();
        while (buffer.hasRemaining()) {
            file.write(buffer, offset + buffer.position());
        }
    }

    private void check(int offset) {
        if (offset < 0 || offset > SIZE - 4 || offset % 4 != 0) {
            throw new IllegalArgumentException(name + ": 0x" + Integer.toHexString(offset)
                    + " is not a dword offset in configuration space");
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
