package io.tsmtck.emu.vendor;

import java.util.ArrayList;
import java.util.List;

/**
 * The firmware calls a vendor back end made, in order, so that the emulation's own tests can check
 * sequences the SPI does not show (TDX's unbind order, AMD's single bind call).
 *
 * <p>Threading: synchronised.
 */
public final class FirmwareLog {

    private final List<String> calls = new ArrayList<>();

    synchronized void record(String call) {
        calls.add(call);
    }

    /** The calls so far. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }
}
