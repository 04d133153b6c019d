package io.tsmtck.tck.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outcomes are reported in unique-id order, numbers by value, whatever order the tests finished in. */
class OutcomeOrderTest {

    private static String id(String method, int invocation) {
        return "[engine:junit-jupiter]/[class:io.tsmtck.tck.tests.tsm.ConnectTest]/[test-template:" + method
                + "(io.tsmtck.tck.host.HostSut)]/[test-template-invocation:#" + invocation + "]";
    }

    @Test
    void invocationTenFollowsNineAndMethodsStayTogether() {
        List<String> finished = new ArrayList<>(List.of(id("b", 1), id("a", 10), id("a", 2), id("a", 9), id("b", 12)));

        finished.sort(TestOutcomes.ORDER);

        assertThat(finished).containsExactly(id("a", 2), id("a", 9), id("a", 10), id("b", 1), id("b", 12));
        assertThat(TestOutcomes.ORDER.compare(id("a", 3), id("a", 3))).isZero();
    }
}
