package io.tsmtck.tck.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.tck.binding.RuleContext;
import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.host.inventory.InventoryRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A refused set-up step blocks its case unless the catalogue names the step as the rule's own. */
class SetupTest {

    @AfterEach
    void leave() {
        RuleContext.leave();
    }

    private static void under(String rule) {
        RuleContext.enter(Catalogue.standard().rule(rule).orElseThrow(), new InventoryRun());
    }

    @Test
    void aRefusedStepTheRuleIsNotAboutLeavesTheCaseNotTestedNamingTheStepAndTheAnswer() {
        under("TDISP-01");

        Throwable thrown = catchThrowable(() -> {
            throw Setup.failed("drive 00:01.0 to ERROR", "the device reports RUN");
        });

        assertThat(thrown).isInstanceOf(TestAbortedException.class)
                .hasMessage("Rule TDISP-01 (MUST): blocked by: drive 00:01.0 to ERROR (the device reports RUN);"
                        + " the rule was not observed. Check the rule that covers this step first.");
        assertThat(SetupFailure.blockerOf(thrown)).contains("drive 00:01.0 to ERROR: the device reports RUN");
    }

    @Test
    void aRefusedResultNamesItsErrnoAndDetail() {
        under("TDISP-01");

        Throwable thrown = catchThrowable(() -> Setup.require(Result.refused(Errno.ENOSYS, "no TSM"), "connect"));

        assertThat(thrown).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("blocked by: connect (refused with ENOSYS: no TSM)");
        assertThat(SetupFailure.blockerOf(thrown)).contains("'connect' refused with ENOSYS");
    }

    @Test
    void aRefusedStepTheRuleIsAboutFailsIt() {
        under("IDEKM-01");

        Throwable thrown = catchThrowable(() -> {
            throw Setup.failed("KEY_PROG stream 1 K0 RX PR", "answered KP_ACK stream 2");
        });

        assertThat(thrown).isNotInstanceOf(TestAbortedException.class).isInstanceOf(SetupFailure.Violated.class)
                .hasMessageContaining("Rule IDEKM-01 (MUST): 'KEY_PROG stream 1 K0 RX PR', a step this rule is about,"
                        + " failed (answered KP_ACK stream 2)");
    }

    @Test
    void outsideAnyRuleTheMessageNamesNoRule() {
        Throwable thrown = catchThrowable(() -> {
            throw Setup.failed("open the device", "refused");
        });

        assertThat(thrown).hasMessage("blocked by: open the device (refused).");
    }
}
