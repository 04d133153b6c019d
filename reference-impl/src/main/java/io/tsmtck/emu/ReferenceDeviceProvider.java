package io.tsmtck.emu;

import io.tsmtck.api.device.DeviceProvider;
import io.tsmtck.api.device.DeviceUnderTest;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.emu.faults.FaultPlan;
import io.tsmtck.emu.faults.FaultSource;
import java.util.List;

/**
 * The reference device for the device kit, built fresh for every test (found by
 * {@link java.util.ServiceLoader}). Correct unless {@value FaultPlan#PROPERTY} names faults; its
 * functions are those {@value ReferenceStackProvider#TOPOLOGY_PROPERTY} allows one DSM.
 */
public final class ReferenceDeviceProvider implements DeviceProvider {

    private final FaultSource faults;

    /** Devices with the faults the system property names when each is made. */
    public ReferenceDeviceProvider() {
        this.faults = FaultSource.systemProperty();
    }

    /** Devices with {@code faults}. */
    public ReferenceDeviceProvider(FaultPlan faults) {
        this.faults = FaultSource.fixed(faults);
    }

    @Override
    public String name() {
        return faults.name("TSM-TCK reference device");
    }

    @Override
    public TopologyRequest largest() {
        var declared = new ReferenceStackProvider().capabilities();
        return new TopologyRequest(1, declared.maxFunctionsPerDsm(), declared.maxVfsPerDsm(),
                List.of(64L * 1024, 16L * 1024));
    }

    @Override
    public DeviceUnderTest open(TopologyRequest request, long seed) {
        return new ReferenceDevice(request, faults.plan(), seed);
    }
}
