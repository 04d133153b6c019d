package io.tsmtck.tck.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.Kit;
import io.tsmtck.tck.catalogue.Provenance;
import io.tsmtck.tck.catalogue.Rule;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rule that rests on a posted series or a proposal says so in its own statement, where a reader of
 * one failure sees it, not only in its provenance field; a rule on a posted series also says in its
 * note what a later revision may change, and each names the uAPI extension it rests on, so that a stack
 * that does not carry it is not held to it (a device rule needs none).
 */
class ProvenanceInTextTest {

    static Stream<Rule> notMainline() {
        return Catalogue.standard().rules().stream()
                .filter(rule -> rule.provenance() == Provenance.SERIES || rule.provenance() == Provenance.PROPOSAL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notMainline")
    void theStatementSaysItIsNotMainline(Rule rule) {
        assertThat(rule.statement()).as("statement of %s (%s): say it is not mainline", rule.id(), rule.provenance())
                .contains("not mainline");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notMainline")
    void itNamesTheExtensionItRestsOn(Rule rule) {
        assertThat(rule.uapi()).as("uapi of %s (%s): name the UapiExtension of the series or proposal it rests on",
                rule.id(), rule.provenance()).isNotEmpty();
    }

    @Test
    void noDeviceRuleNeedsAHostExtension() {
        assertThat(Catalogue.standard().of(Kit.DEVICE).rules()).as("device rules with a uapi")
                .allSatisfy(rule -> assertThat(rule.uapi()).as(rule.id()).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notMainline")
    void aRuleOnAPostedSeriesHasANote(Rule rule) {
        if (rule.provenance() == Provenance.SERIES) {
            assertThat(rule.note()).as("note of %s, which rests on a posted series", rule.id()).isNotBlank();
        }
    }
}
