package io.tsmtck.emu.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.emu.faults.Fault;
import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.CataloguePage;
import io.tsmtck.tck.runner.KitTestPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/rules.md} is the catalogue page a newcomer looks a rule up in: its statement, source, hint, peer
 * cases, the kit's tests of it and the reference's faults that break it (where the reference code to read is).
 * Generated here, where the faults are known; the build fails when the committed page is not what the catalogue,
 * the tests and the faults make now.
 */
class RulesPageTest {

    /** The committed page, from this module's directory. */
    private static final Path PAGE = Path.of("..", "docs", "rules.md");
    /** Where the page is written for copying over the committed one. */
    private static final Path GENERATED = Path.of("target", "rules.md");

    @Test
    void docsRulesMdIsTheGeneratedPage() throws IOException {
        Map<String, List<String>> faults = new TreeMap<>();
        for (Fault fault : Fault.values()) {
            fault.rules().forEach(rule -> faults.computeIfAbsent(rule, id -> new ArrayList<>()).add(fault.name()));
        }
        String page = CataloguePage.markdown(Catalogue.standard(), KitTestPlan.byRule(), faults);
        Files.createDirectories(GENERATED.getParent());
        Files.writeString(GENERATED, page);

        List<String> committed = Files.exists(PAGE) ? Files.readAllLines(PAGE) : List.of();
        List<String> generated = page.lines().toList();
        int line = 0;
        while (line < committed.size() && line < generated.size() && committed.get(line).equals(generated.get(line))) {
            line++;
        }
        String differs = line == committed.size() && line == generated.size() ? "nothing"
                : "line " + (line + 1) + ": committed '" + (line < committed.size() ? committed.get(line) : "(end)")
                + "', generated '" + (line < generated.size() ? generated.get(line) : "(end)") + "'";
        assertThat(differs).as("where docs/rules.md differs from the page the catalogue, the kit's tests and the"
                + " reference's faults make; regenerate it: cp reference-impl/target/rules.md docs/rules.md")
                .isEqualTo("nothing");
    }
}
