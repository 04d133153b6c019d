package io.tsmtck.tck.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Settings have one spelling; a renamed one still works under its old name. */
class KitConfigTest {

    @AfterEach
    void clear() {
        System.clearProperty(KitConfig.REUSE_STACKS);
        System.clearProperty("tsm-tck.reuse-stacks");
    }

    @Test
    void aRenamedSettingIsReadUnderItsOldNameAndTheNewOneWins() {
        assertThat(KitConfig.value(KitConfig.REUSE_STACKS)).isEmpty();

        System.setProperty("tsm-tck.reuse-stacks", "true");
        assertThat(KitConfig.value(KitConfig.REUSE_STACKS)).as("under the old name").isEqualTo(Optional.of("true"));

        System.setProperty(KitConfig.REUSE_STACKS, "false");
        assertThat(KitConfig.value(KitConfig.REUSE_STACKS)).as("the new name set too").isEqualTo(Optional.of("false"));
    }

    @Test
    void theEnvironmentNameIsTheSettingInUpperCaseWithUnderscores() {
        assertThat(KitConfig.environmentName(KitConfig.TIMEOUT_HAPPEN)).isEqualTo("TSM_TCK_TIMEOUT_HAPPEN");
        assertThat(KitConfig.environmentName(KitConfig.REUSE_STACKS)).isEqualTo("TSM_TCK_REUSESTACKS");
    }
}
