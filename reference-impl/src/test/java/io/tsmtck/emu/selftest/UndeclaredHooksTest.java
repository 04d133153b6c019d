package io.tsmtck.emu.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.Capability;
import io.tsmtck.emu.ReferenceStackProvider;
import io.tsmtck.emu.faults.Fault;
import io.tsmtck.emu.faults.FaultPlan;
import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.Kit;
import io.tsmtck.tck.catalogue.Rule;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A host stack that declares fewer test hooks gets fewer verdicts, never better ones: every rule
 * that needs an undeclared hook is NOT_TESTED naming it (never PASSED), the clauses the kit can see
 * without the hook still run and still fail, and the kit never uses a hook the stack has but does
 * not declare (the reference stacks keep every hook while declaring none).
 */
class UndeclaredHooksTest {

    private static List<Rule> hookedRules() {
        return Catalogue.standard().of(Kit.HOST).rules().stream().filter(rule -> !rule.hooks().isEmpty()).toList();
    }

    private static Set<String> ids(List<Rule> rules) {
        return rules.stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyRuleNeedingAnUndeclaredHookIsNotTestedAndNamesIt() {
        KitRun.Outcome outcome = KitRun.run(FaultPlan.NONE, ReferenceStackProvider.LARGEST, ids(hookedRules()), "none");

        assertThat(outcome.failedRules()).as("rules failed by a correct stack without hooks").isEmpty();
        assertThat(outcome.notTestedRules()).as("rules NOT_TESTED without hooks").isEqualTo(ids(hookedRules()));
        for (Rule rule : hookedRules()) {
            assertThat(outcome.notTestedReasons().get(rule.id())).as("why %s was not tested", rule.id())
                    .containsAnyOf(rule.hooks().stream().map(Capability::name).toArray(String[]::new));
        }
        assertThat(outcome.notTestedReasons().get("TSM-13")).as("TSM-13 without a TDI probe")
                .contains("TDI_PROBE").contains("device-state clause").contains("after unbind");
    }

    @Test
    void withoutAProbeTheHostVisibleClauseStillFails() {
        KitRun.Outcome outcome = KitRun.run(FaultPlan.of(Fault.TSM_UNBIND_KEEPS_BINDING),
                ReferenceStackProvider.LARGEST, Set.of("TSM-13"), "none");

        assertThat(outcome.failedRules()).as("unbind that leaves tsm/bound set, no probe declared")
                .containsExactly("TSM-13");
    }

    @Test
    void aFaultOnlyTheProbeSeesIsNotTestedWithoutItAndFailedWithIt() {
        FaultPlan deviceLeftLocked = FaultPlan.of(Fault.TSM_UNBIND_LEAVES_LOCKED);

        KitRun.Outcome without = KitRun.run(deviceLeftLocked, ReferenceStackProvider.LARGEST, Set.of("TSM-13"), "none");
        KitRun.Outcome with = KitRun.run(deviceLeftLocked, ReferenceStackProvider.LARGEST, Set.of("TSM-13"), "");

        assertThat(without.failedRules()).as("failed without a probe").isEmpty();
        assertThat(without.notTestedRules()).as("NOT_TESTED without a probe").containsExactly("TSM-13");
        assertThat(with.failedRules()).as("failed with the probe").containsExactly("TSM-13");
    }
}
