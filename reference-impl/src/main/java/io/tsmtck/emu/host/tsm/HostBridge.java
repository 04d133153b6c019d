package io.tsmtck.emu.host.tsm;

/**
 * A host bridge's pool of secure IDE streams ({@code available_secure_streams}). Connect takes one,
 * disconnect gives it back.
 *
 * <p>Threading: synchronised.
 */
public final class HostBridge {

    private final String name;
    private final int capacity;
    private int available;

    public HostBridge(String name, int capacity) {
        this.name = name;
        this.capacity = capacity;
        this.available = capacity;
    }

    public String name() {
        return name;
    }

    public synchronized int available() {
        return available;
    }

    /** Takes a stream; false when none is left. */
    synchronized boolean take() {
        if (available == 0) {
            return false;
        }
        available--;
        return true;
    }

    synchronized void giveBack() {
        if (available == capacity) {
            throw new IllegalStateException(name + ": more streams given back than taken");
        }
        available++;
    }
}
