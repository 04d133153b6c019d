package io.tsmtck.tck.binding;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.tck.host.HostSut;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** A test abandoned at its timeout is named by its case, not by its Java signature. */
class TimedOutMessageTest {

    @Test
    void theCaseIsNamedAndTheJavaSignatureLeftOut() {
        TimeoutException junit = new TimeoutException("bindingAgainToTheSameVmSucceedsAndLeavesTheTdiAsItWas("
                + "io.tsmtck.tck.host.HostSut, io.tsmtck.api.tdisp.TdiState) timed out after 60 seconds");

        String message = RuleExtension.timedOut(junit, "INTEL_TDX_CONNECT [1 DSM x 1 PF], TDI in RUN").getMessage();

        assertThat(message).startsWith("case INTEL_TDX_CONNECT [1 DSM x 1 PF], TDI in RUN timed out after 60 seconds"
                + " (tsm-tck.timeout.test); ").doesNotContain("io.tsmtck.tck.host.HostSut")
                .doesNotContain("bindingAgain");
    }
}
