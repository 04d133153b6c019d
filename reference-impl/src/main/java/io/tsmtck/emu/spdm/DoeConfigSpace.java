package io.tsmtck.emu.spdm;

import io.tsmtck.api.device.PciConfigAccess;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The extended configuration space of the reference device's DSM function with its DOE capability
 * (PCIe Base 6.x 7.9.24) in front of the SPDM responder: an AER header at 0x100 chaining to the DOE
 * capability at 0x150. Write Data Mailbox collects an object, Go hands it to the responder, Status
 * shows Busy for a configurable number of reads and then Data Object Ready while the answer is read
 * dword by dword (each acknowledged by a write of Read Data Mailbox). An object that is not a DOE
 * object, or longer than the mailbox holds, sets Error; Abort clears everything.
 *
 * <p>Threading: {@code synchronized}, one function's registers.
 */
public final class DoeConfigSpace implements PciConfigAccess {

    /** Offset of the DOE capability. */
    public static final int DOE = 0x150;
    private static final int AER = 0x100;
    private static final int CONTROL = DOE + 0x08;
    private static final int STATUS = DOE + 0x0C;
    private static final int WRITE = DOE + 0x10;
    private static final int READ = DOE + 0x14;

    private final SpdmResponder responder;
    private final int busyReads;
    private final int maxDwords;
    private final int[] registers = new int[SIZE / 4];
    private final List<Integer> incoming = new ArrayList<>();
    private int[] outgoing = new int[0];
    private int next;
    private int busy;
    private boolean error;

    /**
     * @param busyReads how many Status reads after Go show Busy before the answer is ready
     * @param maxDwords the longest object the mailbox takes
     */
    public DoeConfigSpace(SpdmResponder responder, int busyReads, int maxDwords) {
        this.responder = responder;
        this.busyReads = busyReads;
        this.maxDwords = maxDwords;
        registers[AER / 4] = 0x0001 | 2 << 16 | DOE << 20;
        registers[DOE / 4] = 0x002E | 1 << 16;
    }

    @Override
    public synchronized int read32(int offset) {
        check(offset);
        return switch (offset) {
            case STATUS -> status();
            case READ -> next < outgoing.length && busy == 0 ? outgoing[next] : 0;
            case CONTROL, WRITE -> 0;
            default -> registers[offset / 4];
        };
    }

    @Override
    public synchronized void write32(int offset, int value) {
        check(offset);
        switch (offset) {
            case CONTROL -> control(value);
            case WRITE -> {
                if (busy > 0 || incoming.size() >= maxDwords) {
                    error = true;
                } else {
                    incoming.add(value);
                }
            }
            case READ -> {
                if (busy == 0 && next < outgoing.length) {
                    next++;
                }
            }
            default -> {
                // the capability headers and the rest of configuration space are read-only here
            }
        }
    }

    private int status() {
        if (busy > 0) {
            busy--;
            return 0x1 | (error ? 0x4 : 0);
        }
        return (error ? 0x4 : 0) | (next < outgoing.length ? 0x8000_0000 : 0);
    }

    private void control(int value) {
        if ((value & 0x1) != 0) {
            incoming.clear();
            outgoing = new int[0];
            next = 0;
            busy = 0;
            error = false;
            return;
        }
        if ((value & 0x8000_0000) == 0 || error || busy > 0) {
            return;
        }
        ByteBuffer bytes = ByteBuffer.allocate(incoming.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
        incoming.forEach(bytes::putInt);
        incoming.clear();
        DecodeResult<DoeObject> object = DoeObject.decode(ByteString.of(bytes.array()));
        if (!object.isDecoded()) {
            error = true;
            return;
        }
        Optional<DoeObject> answer = responder.handle(object.orElseThrow());
        ByteBuffer out = ByteBuffer.wrap(answer.map(a -> a.encode().toByteArray()).orElse(new byte[0]))
                .order(ByteOrder.LITTLE_ENDIAN);
        outgoing = new int[out.remaining() / 4];
        for (int i = 0; i < outgoing.length; i++) {
            outgoing[i] = out.getInt();
        }
        next = 0;
        busy = busyReads;
    }

    private static void check(int offset) {
        if (offset < 0 || offset > SIZE - 4 || offset % 4 != 0) {
            throw new IllegalArgumentException("0x" + Integer.toHexString(offset) + " is not a dword offset");
        }
    }
}
