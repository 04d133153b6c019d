package io.tsmtck.emu.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.emu.ReferenceStackProvider;
import io.tsmtck.emu.faults.Fault;
import io.tsmtck.emu.faults.FaultPlan;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The kit makes none of its own evidence. A device whose GET_TDISP_VERSION takes its TDIs back to
 * CONFIG_UNLOCKED (spdm-emu's deviation, TDISP-45's fault) is not failed on the rules whose set-up
 * ends a session to reach ERROR and then reconnects, as a TSM would with GET_TDISP_VERSION: the
 * kit reads the state first thing in the new session. The same rules still fail against a device
 * whose session end really leaves the TDI locked.
 */
class KitEvidenceTest {

    /** TDISP-31 observes ERROR after a session's end; TDISP-01, -03 and -09 drive TDIs to ERROR first. */
    private static final Set<String> AFTER_A_SESSION_END = Set.of("TDISP-31", "TDISP-01", "TDISP-03", "TDISP-09");

    @Test
    void aVersionRequestThatResetsTheTdiFailsOnlyItsOwnRule() {
        Set<String> rules = new TreeSet<>(AFTER_A_SESSION_END);
        rules.add("TDISP-45");

        KitRun.Outcome outcome = KitRun.run(FaultPlan.of(Fault.TDISP_VERSION_RESETS_TDI),
                ReferenceStackProvider.LARGEST, rules);

        assertThat(outcome.failedRules()).as("rules failed by a device whose GET_TDISP_VERSION resets its TDIs")
                .containsExactly("TDISP-45");
        assertThat(outcome.notTestedRules()).as("rules not observed there").isEmpty();
    }

    @Test
    void aSessionEndThatLeavesTheTdiLockedStillFailsTdisp31() {
        KitRun.Outcome outcome = KitRun.run(FaultPlan.of(Fault.TDISP_SESSION_END_NO_ERROR),
                ReferenceStackProvider.LARGEST, AFTER_A_SESSION_END);

        assertThat(outcome.failedRules()).contains("TDISP-31");
    }
}
