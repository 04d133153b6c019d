package acme;

import acme.wrap.ReferenceWrapper;
import io.tsmtck.api.Capabilities;
import io.tsmtck.emu.ReferenceStackProvider;
import io.tsmtck.emu.faults.FaultPlan;

/**
 * A vendor trying the kit: the reference stack with six TDISP defects, declared as what it would
 * ship, one DSM with a single function and no SR-IOV. Declaring the smaller device must not hide
 * the defects.
 */
public final class SingleFunctionProvider extends ReferenceWrapper {

    public SingleFunctionProvider() {
        super(new ReferenceStackProvider(FaultPlan.parse("TDISP_LOCK_ANY_STATE,TDISP_START_IGNORES_NONCE,"
                + "TDISP_NONCE_REUSED,TDISP_MSE_CLEAR_NO_ERROR,TDISP_FLR_NO_ERROR,TDISP_STOP_KEEPS_ERROR")));
    }

    @Override
    public String name() {
        return "ACME single-function device (reference with six TDISP faults)";
    }

    @Override
    public Capabilities capabilities() {
        Capabilities all = reference.capabilities();
        return new Capabilities(all.profiles(), 1, 1, 0, all.features());
    }
}
