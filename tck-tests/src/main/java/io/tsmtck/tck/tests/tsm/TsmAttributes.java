package io.tsmtck.tck.tests.tsm;

import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.tsm.TsmCore;
import io.tsmtck.tck.host.HostSut;
import java.util.ArrayList;
import java.util.List;

/** What the TSM core shows of a test's first DSM, to compare before and after a call. */
final class TsmAttributes {

    private TsmAttributes() {
    }

    /** Each function's tsm/connect, TSM context and tsm/bound, and the host bridge's available secure streams. */
    static List<String> of(HostSut sut) {
        TsmCore tsm = sut.stack().tsm();
        List<String> state = new ArrayList<>();
        for (PciFunction f : sut.dsm().functions()) {
            state.add(f.address() + ": connect " + tsm.connectedTsm(f.address()).orElse("empty") + ", context "
                    + tsm.state(f.address()) + ", bound " + tsm.boundTsm(f.address()).orElse("empty"));
        }
        state.add(sut.dsm().hostBridge() + ": " + tsm.availableSecureStreams(sut.dsm().hostBridge())
                + " secure streams available");
        return state;
    }
}
