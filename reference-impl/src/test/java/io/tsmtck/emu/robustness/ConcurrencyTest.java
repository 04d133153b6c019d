package io.tsmtck.emu.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.StackRequest;
import io.tsmtck.api.VendorProfile;
import io.tsmtck.api.dmabuf.DmaBufAttachment;
import io.tsmtck.api.dmabuf.Importer;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.api.tsm.TsmContextState;
import io.tsmtck.api.vfio.ConfigRegister;
import io.tsmtck.api.vfio.DmaBufRequest;
import io.tsmtck.api.vfio.VfioDevice;
import io.tsmtck.emu.EmuHostStack;
import io.tsmtck.emu.faults.FaultPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The locking contract: lifecycles of different functions of one DSM run in parallel (serialised
 * by the DSM lock), and memory-decode toggles race with export on one device (serialised by the
 * memory lock), without errors, deadlocks or leaks.
 */
class ConcurrencyTest {

    private static final int ROUNDS = 25;
    private static final TopologyRequest EIGHT_FUNCTIONS = new TopologyRequest(1, 4, 4, List.of(64L * 1024,
            16L * 1024));

    @ParameterizedTest
    @EnumSource(value = VendorProfile.class, names = {"GENERIC_LINK", "INTEL_TDX_CONNECT"})
    void lifecyclesOfAllFunctionsOfOneDsmRunInParallel(VendorProfile profile) throws Exception {
        try (EmuHostStack stack = new EmuHostStack(new StackRequest(profile, EIGHT_FUNCTIONS, 11), FaultPlan.NONE,
                0)) {
            List<PciFunction> functions = stack.topology().dsms().get(0).functions();
            stack.tsm().connect(functions.get(0).dsm(), "tsm0").orElseThrow();
            CyclicBarrier start = new CyclicBarrier(functions.size());
            List<Callable<List<String>>> workers = new ArrayList<>();
            for (int i = 0; i < functions.size(); i++) {
                PciFunction function = functions.get(i);
                long virtId = 0x8 * (i + 1);
                workers.add(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    List<String> refusals = new ArrayList<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        Lifecycle.run(stack, function, virtId).ifPresent(step -> refusals.add(function + " " + step));
                    }
                    return refusals;
                });
            }

            List<String> refusals = runAll(workers);

            assertThat(refusals).as("refused steps").isEmpty();
            functions.forEach(f -> assertThat(stack.tsm().state(f.address())).isEqualTo(TsmContextState.CONNECTED));
        }
    }

    @ParameterizedTest
    @EnumSource(value = VendorProfile.class, names = {"GENERIC_LINK"})
    void memoryDecodeTogglesAndExportsOnOneDeviceDoNotInterfere(VendorProfile profile) throws Exception {
        try (EmuHostStack stack = new EmuHostStack(new StackRequest(profile, TopologyRequest.minimal(), 12),
                FaultPlan.NONE, 0)) {
            VfioDevice vfio = stack.vfio().open(stack.topology().dsms().get(0).pf0().address()).orElseThrow()
                    .bindIommufd(stack.openIommufd()).orElseThrow();
            CyclicBarrier start = new CyclicBarrier(2);
            Callable<List<String>> toggler = () -> {
                start.await(10, TimeUnit.SECONDS);
                for (int i = 0; i < 500; i++) {
                    vfio.config().write(ConfigRegister.COMMAND, i % 2 == 0 ? 0 : ConfigRegister.COMMAND_MEMORY_SPACE);
                }
                return List.of();
            };
            Callable<List<String>> exporter = () -> {
                start.await(10, TimeUnit.SECONDS);
                List<String> problems = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    vfio.exportDmaBuf(DmaBufRequest.of(0, 0, 4096)).asOptional()
                            .ifPresent(buffer -> buffer.close());
                }
                return problems;
            };

            assertThat(runAll(List.of(toggler, exporter))).isEmpty();
            vfio.config().write(ConfigRegister.COMMAND, ConfigRegister.COMMAND_MEMORY_SPACE).orElseThrow();
            assertThat(vfio.exportDmaBuf(DmaBufRequest.of(0, 0, 4096)).orElseThrow()
                    .attach(Importer.peerToPeerCapable()).flatMap(DmaBufAttachment::map).isOk())
                    .as("an importer maps a dma-buf exported after the race, with MSE set").isTrue();
        }
    }

    private static List<String> runAll(List<Callable<List<String>>> workers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers.size());
        try {
            List<String> all = new ArrayList<>();
            for (Future<List<String>> result : pool.invokeAll(workers, 60, TimeUnit.SECONDS)) {
                all.addAll(Optional.of(result.get()).orElseThrow());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
