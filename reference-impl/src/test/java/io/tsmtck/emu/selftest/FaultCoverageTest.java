package io.tsmtck.emu.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.emu.faults.Fault;
import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.Rule;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every testable rule has a seeded fault in the reference implementation, and every fault names real rules. */
class FaultCoverageTest {

    @Test
    void everyTestableRuleHasAFault() {
        Set<String> seeded = Stream.of(Fault.values()).flatMap(f -> f.rules().stream()).collect(Collectors.toSet());

        List<String> unseeded = Catalogue.standard().rules().stream().filter(Rule::isTestable).map(Rule::id)
                .filter(id -> !seeded.contains(id)).collect(Collectors.toList());

        assertThat(unseeded).as("testable rules without a fault that breaks them").isEmpty();
    }

    @Test
    void everyFaultNamesRulesOfTheCatalogue() {
        List<String> unknown = Stream.of(Fault.values()).flatMap(f -> f.rules().stream()
                .filter(id -> Catalogue.standard().rule(id).filter(Rule::isTestable).isEmpty())
                .map(id -> f + " names " + id)).collect(Collectors.toList());

        assertThat(unknown).as("faults naming rules that are not testable rules of the catalogue").isEmpty();
    }
}
