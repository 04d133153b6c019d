package io.tsmtck.tck.assertions;

import static io.tsmtck.tck.assertions.KitAssertions.assertThatLink;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** tsm/bound and tsm/connect are held to the TSM they name, an empty link and another TSM each told apart. */
class TsmLinkAssertTest {

    @Test
    void theNamedTsmPassesAndAnEmptyLinkIsNamedAsSuch() {
        assertThatLink("tsm/bound of 0000:3a:00.0", Optional.of("tsm0")).namesTsm("tsm0");
        assertThatLink("tsm/bound of 0000:3a:00.0", Optional.empty()).namesNoTsm();

        assertThatThrownBy(() -> assertThatLink("tsm/bound of 0000:3a:00.0", Optional.empty()).namesTsm("tsm0"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("subject:  tsm/bound of 0000:3a:00.0")
                .hasMessageContaining("expected: names tsm0").hasMessageContaining("actual:   names no TSM");
    }

    @Test
    void anotherTsmAndALinkThatShouldBeEmptyFailNamingWhatItNames() {
        assertThatThrownBy(() -> assertThatLink("tsm/connect of 0000:3a:00.0", Optional.of("tsm1"))
                .as("after writing tsm0").namesTsm("tsm0")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("tsm/connect of 0000:3a:00.0 (after writing tsm0)")
                .hasMessageContaining("actual:   names tsm1, another TSM");
        assertThatThrownBy(() -> assertThatLink("tsm/bound of 0000:3a:00.0", Optional.of("tsm0")).namesNoTsm())
                .isInstanceOf(AssertionError.class).hasMessageContaining("expected: names no TSM")
                .hasMessageContaining("actual:   names tsm0");
    }
}
