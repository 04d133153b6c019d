package io.tsmtck.tck.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.CataloguePage;
import io.tsmtck.tck.catalogue.PeerCase;
import io.tsmtck.tck.catalogue.PeerSuites;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The peer-suite table names only rules the catalogue has and leaves no tee-io-validator case out. */
class PeerSuitesTest {

    /** Every case in intel/tee-io-validator's doc/tdisp_test and doc/ide_test case files. */
    private static final Set<String> TEE_IO_TDISP = Set.of("1.1", "2.1", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2",
            "4.3", "4.4", "4.5", "5.1", "5.2", "5.3", "5.4", "6.1", "6.2", "6.3", "6.4", "7.1", "7.2", "7.3");
    private static final Set<String> TEE_IO_IDE_KM = Set.of("1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6",
            "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "4.4", "5.1", "5.2");

    private static Set<String> ids(String suite) {
        return PeerSuites.cases().stream().filter(c -> c.suite().equals(suite)).map(PeerCase::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyRuleTheTableNamesIsInTheCatalogue() {
        List<String> unknown = PeerSuites.cases().stream().flatMap(c -> c.rules().stream()
                .filter(id -> Catalogue.standard().rule(id).isEmpty()).map(id -> c.suite() + " " + c.id() + ": " + id))
                .toList();

        assertThat(unknown).as("rule ids in %s that the catalogue does not have", PeerSuites.RESOURCE).isEmpty();
    }

    @Test
    void everyTeeIoValidatorCaseHasARow() {
        assertThat(ids("tee-io-validator TDISP")).as("tee-io-validator TDISP cases").isEqualTo(new TreeSet<>(TEE_IO_TDISP));
        assertThat(ids("tee-io-validator IDE_KM")).as("tee-io-validator IDE_KM cases")
                .isEqualTo(new TreeSet<>(TEE_IO_IDE_KM));
    }

    @Test
    void theCataloguePageShowsTheTable() {
        assertThat(CataloguePage.markdown(Catalogue.standard())).contains("## Peer suites")
                .contains("| devsec.sh | ide_multi_test |").contains("| iommufd selftests | iommufd_fail_nth |");
    }
}
