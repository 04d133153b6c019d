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

    /**
     * Every case of DMTF SPDM-Responder-Validator's doc/*.md (cf49a913): groups 1 to 9, 12, 13 and 16;
     * the numbers it skips (3.3, 5.3, 6.5, 7.3, 8.4, 9.4) are not cases.
     */
    private static final Set<String> SPDM_VALIDATOR = Set.of("1.1", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7",
            "3.1", "3.2", "3.4", "3.5", "3.6", "3.7", "3.8", "4.1", "4.2", "5.1", "5.2", "5.4", "5.5", "5.6", "6.1",
            "6.2", "6.3", "6.4", "6.6", "6.7", "6.8", "6.9", "6.10", "6.11", "6.12", "6.13", "6.14", "7.1", "7.2",
            "7.4", "7.5", "7.6", "7.7", "7.8", "7.9", "7.10", "8.1", "8.2", "8.3", "8.5", "8.6", "8.7", "8.8", "9.1",
            "9.2", "9.3", "9.5", "9.6", "9.7", "9.8", "9.9", "9.10", "9.11", "12.1", "12.2", "12.3", "12.4", "13.1",
            "13.2", "13.3", "13.4", "13.5", "16.1", "16.2", "16.3", "16.4");

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
    void theReviewsAreApartFromThePeerSuitesAndNameOnlyCatalogueRules() {
        assertThat(PeerSuites.cases()).as("rows of %s that are a review of the catalogue, not a peer suite",
                PeerSuites.RESOURCE).noneMatch(c -> c.suite().contains("review"));
        List<String> unknown = PeerSuites.reviews().stream().flatMap(c -> c.rules().stream()
                .filter(id -> Catalogue.standard().rule(id).isEmpty()).map(id -> c.suite() + " " + c.id() + ": " + id))
                .toList();
        assertThat(unknown).as("rule ids in %s that the catalogue does not have", PeerSuites.REVIEWS).isEmpty();
        assertThat(PeerSuites.reviews()).as("findings of the reviews").isNotEmpty()
                .allMatch(c -> c.suite().startsWith("review of issue "));
    }

    @Test
    void everyTeeIoValidatorCaseHasARow() {
        assertThat(ids("tee-io-validator TDISP")).as("tee-io-validator TDISP cases").isEqualTo(new TreeSet<>(TEE_IO_TDISP));
        assertThat(ids("tee-io-validator IDE_KM")).as("tee-io-validator IDE_KM cases")
                .isEqualTo(new TreeSet<>(TEE_IO_IDE_KM));
    }

    @Test
    void everySpdmResponderValidatorCaseHasARowWithRulesOrAReason() {
        assertThat(ids("SPDM-Responder-Validator")).as("SPDM-Responder-Validator cases")
                .isEqualTo(new TreeSet<>(SPDM_VALIDATOR));
        List<String> empty = PeerSuites.cases().stream().filter(c -> c.suite().equals("SPDM-Responder-Validator"))
                .filter(c -> c.rules().isEmpty() == (c.outOfScope() == null || c.outOfScope().isBlank()))
                .map(PeerCase::id).toList();
        assertThat(empty).as("validator cases with neither rules nor a reason, or both").isEmpty();
    }

    @Test
    void theCataloguePageShowsTheTable() {
        assertThat(CataloguePage.markdown(Catalogue.standard())).contains("## Peer suites")
                .contains("| devsec.sh | ide_multi_test |").contains("| iommufd selftests | iommufd_fail_nth |")
                .contains("## Catalogue reviews").contains("| review of issue 31 | TSM-01 |")
                .contains("If it fails, check: Build every response from zeroed buffers")
                .contains("Peer cases: tee-io-validator TDISP 1.1, tee-io-validator TDISP 2.1")
                .contains("not checked: 1.1.3");
    }
}
