package io.tsmtck.tck.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsmtck.api.Capabilities;
import io.tsmtck.api.FixedDevice;
import io.tsmtck.api.HostStack;
import io.tsmtck.api.StackRequest;
import io.tsmtck.api.TsmStackProvider;
import io.tsmtck.api.VendorProfile;
import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Result;
import io.tsmtck.tck.config.KitConfig;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** How many tests run at once, from what a provider declares and the setting. */
@Isolated("sets a system property the kit reads")
class ParallelismTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @AfterEach
    void clear() {
        System.clearProperty(KitConfig.PARALLELISM);
    }

    private static TsmStackProvider provider(Duration call, List<FixedDevice> inventory) {
        return new TsmStackProvider() {
            @Override
            public String name() {
                return "declared";
            }

            @Override
            public Capabilities capabilities() {
                return new Capabilities(Set.of(VendorProfile.GENERIC_LINK), 1, 1, 0, Set.of())
                        .withLatency(new Capabilities.Latency(call, Duration.ZERO));
            }

            @Override
            public HostStack create(StackRequest request) {
                throw new UnsupportedOperationException("not built here");
            }

            @Override
            public List<FixedDevice> inventory() {
                return inventory;
            }
        };
    }

    private static FixedDevice device() {
        return new FixedDevice() {
            @Override
            public String name() {
                return "slot 2";
            }

            @Override
            public VendorProfile profile() {
                return VendorProfile.GENERIC_LINK;
            }

            @Override
            public HostStack stack() {
                throw new UnsupportedOperationException("not built here");
            }

            @Override
            public Result<Done> reset() {
                return Result.done();
            }
        };
    }

    @Test
    void coresForAnInMemoryStackMoreForOneThatWaitsOneForAnInventory() {
        assertThat(Parallelism.host(provider(Duration.ZERO, List.of()))).isEqualTo(CORES);
        assertThat(Parallelism.host(provider(Duration.ofMillis(20), List.of())))
                .isEqualTo(Math.max(Parallelism.WAITING_STACKS, CORES));
        assertThat(Parallelism.host(provider(Duration.ofMillis(20), List.of(device())))).isEqualTo(1);
    }

    @Test
    void theSettingWinsAndABadOneSaysWhatToGive() {
        System.setProperty(KitConfig.PARALLELISM, "3");
        assertThat(Parallelism.host(provider(Duration.ZERO, List.of(device())))).isEqualTo(3);

        System.setProperty(KitConfig.PARALLELISM, "0");
        assertThatThrownBy(() -> Parallelism.host(provider(Duration.ZERO, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tsm-tck.parallelism is '0'")
                .hasMessageContaining("1 or more");
    }
}
