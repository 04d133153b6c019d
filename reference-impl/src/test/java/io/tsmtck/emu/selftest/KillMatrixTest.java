package io.tsmtck.emu.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.emu.ReferenceStackProvider;
import io.tsmtck.emu.faults.Fault;
import io.tsmtck.emu.faults.FaultPlan;
import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.Condition;
import io.tsmtck.tck.catalogue.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The kit proves itself: the reference implementation passes every rule, and with each fault on,
 * the rules that fault breaks fail. Each fault's run is the tests of the rules it breaks (the
 * baseline runs them all). Writes the matrix (fault -> rules that failed) to
 * {@code target/kill-matrix.md}.
 */
class KillMatrixTest {

    private static final Path REPORT = Path.of("target", "kill-matrix.md");
    private static final String SINGLE_FUNCTION = "1,1,0";
    private static final Set<Condition> TOPOLOGY_CONDITIONS = EnumSet.of(Condition.HAS_VFS,
            Condition.HAS_SUBFUNCTIONS, Condition.HAS_SEVERAL_DSMS);

    @Test
    void everyRuleFailsAgainstItsFaultAndNothingFailsWithoutOne() throws IOException {
        KitRun.Outcome baseline = KitRun.run(FaultPlan.NONE);
        assertThat(baseline.failedRules()).as("rules failing against the correct reference implementation").isEmpty();
        assertThat(baseline.testsRun()).isPositive();

        Map<Fault, Set<String>> matrix = new EnumMap<>(Fault.class);
        Map<Fault, Long> millis = new EnumMap<>(Fault.class);
        for (Fault fault : Fault.values()) {
            if (!fault.rules().isEmpty()) {
                long start = System.nanoTime();
                matrix.put(fault, KitRun.run(FaultPlan.of(fault), ReferenceStackProvider.LARGEST,
                        Set.copyOf(fault.rules())).failedRules());
                millis.put(fault, (System.nanoTime() - start) / 1_000_000);
            }
        }
        write(baseline, matrix, millis);

        List<String> survived = new ArrayList<>();
        matrix.forEach((fault, failed) -> fault.rules().stream().filter(rule -> !failed.contains(rule))
                .forEach(rule -> survived.add(rule + " survived " + fault)));
        assertThat(survived).as("rules whose test passed although their fault was on").isEmpty();
    }

    /**
     * Faults that behave exactly as the correct device does when PF0 is the only function (naming
     * PF0's INTERFACE_ID in every response; unbinding PF0 alone at disconnect), so that no test could
     * see them there.
     */
    private static final Set<Fault> ALIKE_ON_ONE_FUNCTION = EnumSet.of(Fault.TDISP_RESPONSE_DSM_INTERFACE,
            Fault.TSM_DISCONNECT_UNBINDS_PF0_ONLY);

    /**
     * The shape of a vendor's ordinary product, a single-function device without SR-IOV: the kit runs
     * there too, every rule is tested on PF0 or stated NOT_APPLICABLE for a fact of the topology,
     * and every fault still fails its rules unless the topology rules them out. Declaring a smaller
     * platform can never hide a fault the platform could have.
     */
    @Test
    void onASingleFunctionDeviceEveryFaultStillFailsItsRulesOrTheRuleCannotApply() {
        KitRun.Outcome baseline = KitRun.run(FaultPlan.NONE, SINGLE_FUNCTION);
        assertThat(baseline.failedRules()).as("rules failing against the correct single-function reference").isEmpty();
        assertThat(baseline.notTestedRules()).as("rules not tested although every hook is declared").isEmpty();
        Set<String> topologyConditional = Catalogue.standard().rules().stream()
                .filter(rule -> rule.conditions().stream().anyMatch(TOPOLOGY_CONDITIONS::contains))
                .map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
        assertThat(topologyConditional).as("rules that a single function rules out")
                .containsAll(baseline.notApplicableRules());

        List<String> survived = new ArrayList<>();
        for (Fault fault : Fault.values()) {
            if (fault.rules().isEmpty() || topologyConditional.containsAll(fault.rules())
                    || ALIKE_ON_ONE_FUNCTION.contains(fault)) {
                continue;
            }
            KitRun.Outcome outcome = KitRun.run(FaultPlan.of(fault), SINGLE_FUNCTION, Set.copyOf(fault.rules()));
            fault.rules().stream().filter(rule -> !outcome.failedRules().contains(rule))
                    .filter(rule -> !baseline.notApplicableRules().contains(rule))
                    .forEach(rule -> survived.add(rule + " survived " + fault + " on a single-function device"));
        }
        assertThat(survived).as("rules whose test passed on a single-function device although their fault was on")
                .isEmpty();
    }

    private static void write(KitRun.Outcome baseline, Map<Fault, Set<String>> matrix, Map<Fault, Long> millis)
            throws IOException {
        Set<String> testable = Catalogue.standard().rules().stream().filter(Rule::isTestable).map(Rule::id)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> killed = new TreeSet<>();
        matrix.forEach((fault, failed) -> fault.rules().stream().filter(failed::contains).forEach(killed::add));
        StringBuilder text = new StringBuilder("# Kill matrix\n\n");
        text.append(String.format("Baseline: %d tests, %d failed. Testable rules killed by their fault: %d of %d"
                + " (%.1f%%).%n%n", baseline.testsRun(), baseline.testsFailed(), killed.size(), testable.size(),
                100.0 * killed.size() / testable.size()));
        text.append("| fault | rules it breaks | rules that failed | ms |\n|---|---|---|---|\n");
        matrix.forEach((fault, failed) -> text.append("| ").append(fault).append(" | ")
                .append(String.join(", ", fault.rules())).append(" | ").append(String.join(", ", failed))
                .append(" | ").append(millis.get(fault)).append(" |\n"));
        Set<String> unkilled = new TreeSet<>(testable);
        unkilled.removeAll(killed);
        text.append("\nTestable rules not killed: ").append(unkilled.isEmpty() ? "none" : unkilled).append('\n');
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, text);
    }
}
