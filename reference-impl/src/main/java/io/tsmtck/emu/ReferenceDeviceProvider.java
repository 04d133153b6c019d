package io.tsmtck.emu;

import io.tsmtck.api.device.DeviceProvider;
import io.tsmtck.api.device.DeviceUnderTest;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.emu.faults.FaultPlan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reference device for the device kit, built fresh for every test (found by
 * {@link java.util.ServiceLoader}). Correct unless {@value FaultPlan#PROPERTY} names faults; its
 * functions are those {@value ReferenceStackProvider#TOPOLOGY_PROPERTY} allows one DSM.
 */
public final class ReferenceDeviceProvider implements DeviceProvider {

    private final Optional<FaultPlan> faults;

    /** Devices with the faults the system property names when each is made. */
    public ReferenceDeviceProvider() {
        this.faults = Optional.empty();
    }

    /** Devices with {@code faults}. */
    public ReferenceDeviceProvider(FaultPlan faults) {
        this.faults = Optional.of(Objects.requireNonNull(faults, "faults"));
    }

    private FaultPlan faults() {
        return faults.orElseGet(FaultPlan::fromSystemProperty);
    }

    @Override
    public String name() {
        FaultPlan plan = faults();
        return plan.faults().isEmpty() ? "TSM-TCK reference device" : "TSM-TCK reference device with faults "
                + plan.faults();
    }

    @Override
    public TopologyRequest largest() {
        var declared = new ReferenceStackProvider().capabilities();
        return new TopologyRequest(1, declared.maxFunctionsPerDsm(), declared.maxVfsPerDsm(),
                List.of(64L * 1024, 16L * 1024));
    }

    @Override
    public DeviceUnderTest open(TopologyRequest request, long seed) {
        return new ReferenceDevice(request, faults(), seed);
    }
}
