package io.tsmtck.tck.host.inventory;

import io.tsmtck.api.FixedDevice;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opentest4j.TestAbortedException;

/**
 * The fixed devices taken out of one run, with the reason: a device whose reset failed gets no
 * more tests, and each of them ends NOT_TESTED saying why. One per run (kept in the launcher's root
 * store), so that two runs in one JVM never share it.
 */
public final class InventoryRun {

    private final Map<FixedDevice, String> outOfRun = new ConcurrentHashMap<>();

    /** Aborts the test (NOT_TESTED) if {@code device} was taken out of the run. */
    public void checkUsable(FixedDevice device) {
        Optional.ofNullable(outOfRun.get(device)).ifPresent(reason -> {
            throw new TestAbortedException("the fixed device " + device.name() + " is out of the run: " + reason
                    + "; its remaining tests are not run. Fix the device's reset (FixedDevice.reset) and run again.");
        });
    }

    /** Takes {@code device} out of the run for {@code reason}; the first reason stays. */
    public void takeOut(FixedDevice device, String reason) {
        outOfRun.putIfAbsent(device, reason);
    }

    /** The reason {@code device} is out of the run, if it is. */
    public Optional<String> reason(FixedDevice device) {
        return Optional.ofNullable(outOfRun.get(device));
    }
}
