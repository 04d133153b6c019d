package io.tsmtck.emu.stack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every handle a stack handed out, so that closing the stack closes what the user left open (last
 * opened, first closed, as a process exit closes fds).
 *
 * <p>Threading: synchronised. Closing a handle twice is harmless, so a handle the user closed
 * itself is simply closed again.
 */
public final class Handles {

    private final List<AutoCloseable> open = new ArrayList<>();

    /** Remembers {@code handle}; returns it. */
    public synchronized <T extends AutoCloseable> T track(T handle) {
        open.add(handle);
        return handle;
    }

    /** Closes every tracked handle, newest first. */
    public void closeAll() {
        List<AutoCloseable> handles;
        synchronized (this) {
            handles = new ArrayList<>(open);
            open.clear();
        }
        Collections.reverse(handles);
        for (AutoCloseable handle : handles) {
            try {
                handle.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + handle + " failed", e);
            }
        }
    }
}
