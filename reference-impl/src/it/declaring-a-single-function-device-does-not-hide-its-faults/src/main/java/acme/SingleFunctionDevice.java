package acme;

import io.tsmtck.api.device.DeviceProvider;
import io.tsmtck.api.device.DeviceUnderTest;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.emu.ReferenceDeviceProvider;
import io.tsmtck.emu.faults.FaultPlan;
import java.io.IOException;

/**
 * A vendor trying the device kit: the reference device with six TDISP defects, declared as what it
 * would ship, a single function without SR-IOV. Declaring the smaller device must not hide the
 * defects.
 */
public final class SingleFunctionDevice implements DeviceProvider {

    private final DeviceProvider reference = new ReferenceDeviceProvider(FaultPlan.parse("TDISP_LOCK_ANY_STATE,"
            + "TDISP_START_IGNORES_NONCE,TDISP_NONCE_REUSED,TDISP_MSE_CLEAR_NO_ERROR,TDISP_FLR_NO_ERROR,"
            + "TDISP_STOP_KEEPS_ERROR"));

    @Override
    public String name() {
        return "ACME single-function device (reference with six TDISP faults)";
    }

    @Override
    public TopologyRequest largest() {
        return new TopologyRequest(1, 1, 0, reference.largest().barSizes());
    }

    @Override
    public DeviceUnderTest open(TopologyRequest request, long seed) throws IOException {
        return reference.open(request, seed);
    }
}
