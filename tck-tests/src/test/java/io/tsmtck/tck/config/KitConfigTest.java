package io.tsmtck.tck.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

    @Test
    void aDoeMailboxWaitsTheDoeTimeoutUnlessTheDeviceTimeoutIsSet() {
        assertThat(KitConfig.timeoutDoe()).as("DOE, nothing set: PCIe 6.30.2's 1 s").isEqualTo(Duration.ofSeconds(1));
        assertThat(KitConfig.timeoutDevice()).as("a socket, nothing set").isEqualTo(Duration.ofSeconds(10));

        System.setProperty(KitConfig.TIMEOUT_DEVICE, "250");
        try {
            assertThat(KitConfig.timeoutDoe()).as("DOE, the setting").isEqualTo(Duration.ofMillis(250));
            assertThat(KitConfig.timeoutDevice()).as("a socket, the setting").isEqualTo(Duration.ofMillis(250));
        } finally {
            System.clearProperty(KitConfig.TIMEOUT_DEVICE);
        }
    }
}
