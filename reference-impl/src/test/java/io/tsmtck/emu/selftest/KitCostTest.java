package io.tsmtck.emu.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.report.CertificationReport.Cost;
import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.runner.Timeouts;
import org.junit.jupiter.api.Test;

/**
 * What the kit asks of an implementation stays within the figures its default timeouts are scaled
 * by ({@link Timeouts}): a slow provider's timeouts are only right while they are.
 */
class KitCostTest {

    @Test
    void aWholeRunAndEachTestStayWithinTheFiguresTheTimeoutsAssume() {
        CertificationReport report = SameSeedTest.certify(KitConfig.seed(), "", "cost");

        Cost total = report.totals().cost();
        Cost largest = report.rules().stream().flatMap(rule -> rule.tests().stream())
                .map(CertificationReport.TestResult::cost)
                .reduce(Cost.NONE, (a, b) -> new Cost(Math.max(a.millis(), b.millis()),
                        Math.max(a.spiCalls(), b.spiCalls()), Math.max(a.stacks(), b.stacks())));

        System.out.printf("[cost] run: %d SPI calls, %d stacks; costliest test: %d SPI calls, %d stacks%n",
                total.spiCalls(), total.stacks(), largest.spiCalls(), largest.stacks());
        assertThat(total.spiCalls()).as("SPI calls of the run").isPositive()
                .isLessThanOrEqualTo(Timeouts.RUN_SPI_CALLS);
        assertThat(total.stacks()).as("stacks of the run").isPositive().isLessThanOrEqualTo(Timeouts.RUN_STACKS);
        assertThat(largest.spiCalls()).as("SPI calls of the costliest test")
                .isLessThanOrEqualTo(Timeouts.TEST_SPI_CALLS);
        assertThat(largest.stacks()).as("stacks of one test").isLessThanOrEqualTo(Timeouts.TEST_STACKS);
    }
}
