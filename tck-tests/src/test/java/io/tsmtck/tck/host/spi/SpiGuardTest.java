package io.tsmtck.tck.host.spi;

import io.tsmtck.api.HostStack;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.iommufd.Iommufd;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.vfio.Vfio;
import io.tsmtck.api.vfio.VfioCdev;
import io.tsmtck.api.vfio.VfioDevice;
import io.tsmtck.tck.binding.ImplementationFailure;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the guard between kit and implementation reports: throws, nulls, running calls, counts. */
class SpiGuardTest {

    private static final PciAddress FUNCTION = new PciAddress(0, 1, 0, 0);

    /** A fake SPI object answering the named methods, failing on any other. */
    private static <T> T fake(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("toString")) {
                return "fake " + type.getSimpleName();
            }
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(method.getName());
            }
            return answer.apply(args);
        }));
    }

    private static HostStack stackWith(Vfio vfio) {
        return SpiGuard.wrap(HostStack.class, fake(HostStack.class, Map.of("vfio", args -> vfio)), new SpiCalls());
    }

    @Test
    void aNullWhereTheSpiPromisesAValueIsNamedAsThatBreach() {
        HostStack stack = stackWith(fake(Vfio.class, Map.of("open", args -> null)));

        assertThatThrownBy(() -> stack.vfio().open(FUNCTION)).isInstanceOf(ImplementationFailure.class)
                .hasMessageContaining("contract breach: Vfio.open returned null (in Vfio.open(0000:01:00.0))")
                .hasMessageContaining("io.tsmtck.api.errno.Result<io.tsmtck.api.vfio.VfioCdev>");
    }

    @Test
    void anExceptionIsReportedWithItsClassTheCallAndTheTopOfItsStack() {
        HostStack stack = stackWith(fake(Vfio.class, Map.of("open", args -> {
            throw new IllegalStateException("firmware not loaded");
        })));

        assertThatThrownBy(() -> stack.vfio().open(FUNCTION)).isInstanceOf(ImplementationFailure.class)
                .hasMessageContaining("the implementation threw java.lang.IllegalStateException in "
                        + "Vfio.open(0000:01:00.0): firmware not loaded")
                .hasMessageContaining("\n    at io.tsmtck.tck.host.spi.SpiGuardTest")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void objectsInsideResultsAreGuardedAndHandedBackUnwrapped() {
        Iommufd raw = fake(Iommufd.class, Map.of());
        AtomicReference<Object> received = new AtomicReference<>();
        VfioDevice device = fake(VfioDevice.class, Map.of("address", args -> null));
        VfioCdev cdev = fake(VfioCdev.class, Map.of("bindIommufd", args -> {
            received.set(args[0]);
            return Result.ok(device);
        }));
        SpiCalls calls = new SpiCalls();
        Vfio vfio = SpiGuard.wrap(Vfio.class, fake(Vfio.class, Map.of("open", args -> Result.ok(cdev))), calls);
        Iommufd guarded = SpiGuard.wrap(Iommufd.class, raw, calls);

        VfioDevice opened = vfio.open(FUNCTION).orElseThrow().bindIommufd(guarded).orElseThrow();

        assertThat(Proxy.isProxyClass(opened.getClass())).as("the device in the Result is guarded").isTrue();
        assertThat(received.get()).as("what the implementation got back").isSameAs(raw);
        assertThat(calls.count()).as("open and bindIommufd").isEqualTo(2);
        assertThatThrownBy(opened::address).hasMessageContaining("VfioDevice.address returned null");
    }

    @Test
    void aRunningCallIsKnownUntilItReturns() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SpiCalls calls = new SpiCalls();
        Vfio vfio = SpiGuard.wrap(Vfio.class, fake(Vfio.class, Map.of("open", args -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Result.refused(Errno.ENODEV, "none");
        })), calls);

        CompletableFuture<Result<VfioCdev>> call = CompletableFuture.supplyAsync(() -> vfio.open(FUNCTION));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(calls.running()).containsExactly("Vfio.open(0000:01:00.0)");
        release.countDown();
        call.get(5, TimeUnit.SECONDS);

        assertThat(calls.running()).isEmpty();
    }
}
