package io.tsmtck.tck.transport;

import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.device.PciConfigAccess;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * A DOE mailbox driven through configuration space (PCIe Base 6.x 6.30, the DOE extended capability
 * 0x002E: Control with Abort and Go, Status with Busy, Error and Data Object Ready, the Write and Read
 * Data Mailbox registers), the way Linux's drivers/pci/doe.c drives it: refuse to start while Busy
 * or Error is set; write the object one dword at a time, then Go; poll Status until Data Object
 * Ready or Error, within the timeout; read each dword and acknowledge it by writing the Read Data
 * Mailbox; check Error once more at the end. An Error or a device that stays silent past the
 * timeout is answered with Abort; a silent device that takes the Abort counts as no answer.
 *
 * <p>Threading: one exchange at a time.
 */
public final class DoeConfigMailbox implements DoeMailbox {

    /** The DOE extended capability id. */
    public static final int CAPABILITY_ID = 0x002E;
    static final int CONTROL = 0x08;
    static final int STATUS = 0x0C;
    static final int WRITE = 0x10;
    static final int READ = 0x14;
    static final int ABORT = 0x0000_0001;
    static final int GO = 0x8000_0000;
    static final int BUSY = 0x0000_0001;
    static final int ERROR = 0x0000_0004;
    static final int READY = 0x8000_0000;
    /** Status reads closer together than this spin instead of parking the thread. */
    static final long SPIN_BELOW_NANOS = 16_000;

    private static final int MAX_DWORDS = 1 << 18;

    private final PciConfigAccess config;
    private final int capability;
    private final Duration timeout;
    private final String name;

    private DoeConfigMailbox(PciConfigAccess config, int capability, Duration timeout, String name) {
        this.config = config;
        this.capability = capability;
        this.timeout = timeout;
        this.name = name;
    }

    /**
     * The first DOE capability of the function behind {@code config}, reset with Abort.
     *
     * @param name how failures name the function ("0000:3b:00.0")
     * @throws IOException if there is none, the capability list is broken, or Abort does not take
     */
    public static DoeConfigMailbox open(PciConfigAccess config, Duration timeout, String name) throws IOException {
        DoeConfigMailbox mailbox = new DoeConfigMailbox(config, find(config, name), timeout, name);
        mailbox.abort("resetting the mailbox");
        return mailbox;
    }

    /** The offset of the DOE capability in configuration space. */
    public int capabilityOffset() {
        return capability;
    }

    private static int find(PciConfigAccess config, String name) throws IOException {
        List<PciConfigAccess.ExtendedCapability> capabilities;
        try {
            capabilities = PciConfigAccess.extendedCapabilities(config);
        } catch (IOException broken) {
            throw new IOException(name + ": " + broken.getMessage(), broken);
        }
        return capabilities.stream().filter(c -> c.id() == CAPABILITY_ID).map(PciConfigAccess.ExtendedCapability::offset)
                .findFirst().orElseThrow(() -> new IOException(name + " has no DOE extended capability (ID 0x002E); its"
                        + " extended capabilities:" + (capabilities.isEmpty() ? " none" : " " + capabilities.stream()
                        .map(Object::toString).collect(Collectors.joining(" "))) + ". Is it the DSM function (PF0)?"));
    }

    @Override
    public Optional<DoeObject> exchange(DoeObject request) throws IOException {
        int status = status();
        if ((status & BUSY) != 0) {
            throw new IOException(name + ": the DOE mailbox is busy before the request (Status 0x"
                    + Integer.toHexString(status) + "): another agent (firmware, a kernel driver) is using it");
        }
        if ((status & ERROR) != 0) {
            abort("clearing Error before the request");
        }
        ByteBuffer dwords = ByteBuffer.wrap(request.encode().toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        while (dwords.hasRemaining()) {
            config.write32(capability + WRITE, dwords.getInt());
        }
        config.write32(capability + CONTROL, GO);
        status = poll(s -> (s & (ERROR | READY)) != 0);
        if ((status & ERROR) != 0) {
            abort("after Error");
            throw new IOException(name + ": the DOE mailbox set Error after Go for " + request.encode().hex()
                    + " (the device refused the object)");
        }
        if ((status & READY) == 0) {
            abort("the device answered nothing within " + timeout.toMillis() + " ms");
            return Optional.empty();
        }
        return Optional.of(receive());
    }

    /**
     * The Status register once {@code done} holds for it, or its last value when the timeout ran out. The reads
     * back off: a few spin at once (an answer the device has within microseconds), then the pauses double from
     * {@value #SPIN_BELOW_NANOS} ns to a 128th of the timeout, at most a millisecond, so that a fast device is
     * not made to wait a millisecond an object and a slow one is not read thousands of times.
     */
    private int poll(IntPredicate done) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long longest = Math.max(SPIN_BELOW_NANOS, Math.min(timeout.toNanos() / 128, 1_000_000));
        long pause = 1_000;
        int status = status();
        while (!done.test(status) && System.nanoTime() - deadline < 0) {
            if (pause < SPIN_BELOW_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(pause);
            }
            pause = Math.min(pause * 2, longest);
            status = status();
        }
        return status;
    }

    private DoeObject receive() throws IOException {
        int first = config.read32(capability + READ);
        config.write32(capability + READ, 0);
        int second = config.read32(capability + READ);
        config.write32(capability + READ, 0);
        int length = second & 0x3FFFF;
        int dwords = length == 0 ? MAX_DWORDS : length;
        if (dwords < 2) {
            abort("after a length below the header");
            throw new IOException(name + ": the answer's Length is " + dwords + " DWORDs, less than its header");
        }
        ByteBuffer bytes = ByteBuffer.allocate(dwords * 4).order(ByteOrder.LITTLE_ENDIAN).putInt(first).putInt(second);
        for (int i = 2; i < dwords; i++) {
            bytes.putInt(config.read32(capability + READ));
            if (i == dwords - 1 && (status() & READY) == 0) {
                abort("after the answer ended early");
                throw new IOException(name + ": Data Object Ready dropped before the answer's last dword ("
                        + (i + 1) + " of " + dwords + ")");
            }
            config.write32(capability + READ, 0);
        }
        if ((status() & ERROR) != 0) {
            abort("after Error during the answer");
            throw new IOException(name + ": the DOE mailbox set Error while the answer was read");
        }
        DecodeResult<DoeObject> object = DoeObject.decode(ByteString.of(bytes.array()));
        if (object instanceof DecodeResult.Malformed<DoeObject> malformed) {
            throw new IOException(name + ": the answer is not a DOE object: " + malformed.error());
        }
        return object.orElseThrow();
    }

    private void abort(String why) throws IOException {
        config.write32(capability + CONTROL, ABORT);
        int status = poll(s -> (s & (BUSY | ERROR)) == 0);
        if ((status & (BUSY | ERROR)) != 0) {
            throw new IOException(name + ": DOE Abort (" + why + ") did not clear Busy and Error within "
                    + timeout.toMillis() + " ms (Status 0x" + Integer.toHexString(status)
                    + "): the mailbox is dead until the function is reset");
        }
    }

    private int status() throws IOException {
        return config.read32(capability + STATUS);
    }

    @Override
    public void close() {
        // configuration space needs no closing; the backend owns its file
    }
}
