package io.tsmtck.tck.tests;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/**
 * The canary of the exclude list: it always fails and is always excluded (see {@code excludes.txt}).
 * If it ever runs, the exclusion mechanism is broken, and the run says so.
 */
class ExclusionCanaryTest {

    @Test
    void alwaysFailsAndIsAlwaysExcluded() {
        fail("The exclusion canary ran: the kit's exclude list was not applied. Run the kit through "
                + "tsm-tck:certify or io.tsmtck.tck.runner.KitRunner, or apply Excludes.filter() to the launcher.");
    }
}
