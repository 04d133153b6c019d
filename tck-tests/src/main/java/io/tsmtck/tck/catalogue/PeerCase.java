package io.tsmtck.tck.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * One case of a public peer suite and what the kit has for it: the rules that check the same
 * thing, or why the kit leaves it out.
 *
 * @param suite the suite ("intel/tee-io-validator TDISP", "devsec.sh", "iommufd selftests")
 * @param id the case as the suite names it ("3.2", "ide_test", "vdevice_tombstone")
 * @param checks what the case checks, in a line
 * @param rules the kit's rules that check it; empty when out of scope
 * @param outOfScope why the kit does not check it (empty when {@code rules} covers it)
 * @param missing what of the case the listed rules do not check, said plainly (empty when they check it
 *     all): a row never claims more than its rules test
 */
public record PeerCase(String suite, String id, String checks, List<String> rules, String outOfScope,
                       String missing) {

    public PeerCase {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(checks, suite + " " + id + ": checks");
        rules = rules == null ? List.of() : List.copyOf(rules);
        outOfScope = outOfScope == null ? "" : outOfScope;
        missing = missing == null ? "" : missing;
        if (rules.isEmpty() == outOfScope.isBlank()) {
            throw new IllegalArgumentException(suite + " " + id + ": give either the rules that cover the case or why it"
                    + " is out of scope");
        }
        if (rules.isEmpty() && !missing.isBlank()) {
            throw new IllegalArgumentException(suite + " " + id + ": 'missing' qualifies the rules that cover part of"
                    + " the case; a case no rule covers gives why in outOfScope");
        }
    }
}
