package io.tsmtck.tck.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A rule says what to check when it fails: the catalogue refuses one without a hint. */
class RuleHintTest {

    private static Rule withHint(String hint) {
        return new Rule("TDISP-99", Level.MUST, Area.TDISP, "a statement", "a source", hint, null, null, null, null,
                null, null, "0.3.0", null, Provenance.PCIE, null, null, null);
    }

    @ParameterizedTest(name = "hint \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "  "})
    void aRuleWithoutAHintIsRefusedNamingIt(String hint) {
        assertThatThrownBy(() -> withHint(hint)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("TDISP-99: a rule says what to check when it fails (hint)");
    }

    @ParameterizedTest(name = "hint \"{0}\"")
    @ValueSource(strings = {"Check the state first."})
    void everyRuleOfTheCatalogueHasOne(String example) {
        assertThat(withHint(example).hint()).isEqualTo(example);
        assertThat(Catalogue.standard().rules()).allSatisfy(rule -> assertThat(rule.hint()).as(rule.id()).isNotBlank());
    }
}
