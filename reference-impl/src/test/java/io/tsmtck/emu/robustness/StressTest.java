package io.tsmtck.emu.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.StackRequest;
import io.tsmtck.api.VendorProfile;
import io.tsmtck.api.dmabuf.DmaBuf;
import io.tsmtck.api.dmabuf.Importer;
import io.tsmtck.api.iommufd.HwptFlags;
import io.tsmtck.api.iommufd.Iommufd;
import io.tsmtck.api.iommufd.ObjectId;
import io.tsmtck.api.iommufd.TsmOpType;
import io.tsmtck.api.tdisp.StartInterfaceRequest;
import io.tsmtck.api.tdisp.TdispHeader;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.api.tsm.GuestRequest;
import io.tsmtck.api.tsm.GuestRequestScope;
import io.tsmtck.api.vfio.ConfigRegister;
import io.tsmtck.api.vfio.DmaBufRequest;
import io.tsmtck.api.vfio.Mmap;
import io.tsmtck.api.vfio.VfioCdev;
import io.tsmtck.api.vfio.VfioDevice;
import io.tsmtck.api.vm.Vm;
import io.tsmtck.api.vm.VmType;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.emu.EmuHostStack;
import io.tsmtck.emu.faults.FaultPlan;
import io.tsmtck.tck.config.KitConfig;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bind, unbind, guest start, mmap, munmap, memory-decode toggles, FLR, dma-buf export and close
 * from several threads on the same two assigned functions, in seeded random order (the seed is
 * printed; {@code tsm-tck.seed} replays it). After every round, with the threads at rest, the
 * invariants must hold: no function is bound while the host holds a mapping of its MMIO; at the
 * end, once everything is closed, no resource is left in the ledger. A round that does not finish
 * in time is a deadlock, reported with the deadlocked threads.
 */
class StressTest {

    private static final int THREADS = 4;
    private static final int ROUNDS = 25;
    private static final int OPERATIONS_PER_ROUND = 40;
    private static final TopologyRequest TWO_FUNCTIONS = new TopologyRequest(1, 2, 0, List.of(64L * 1024,
            16L * 1024));

    /** One assigned function and what the threads hold of it. */
    private record Assigned(PciFunction function, VfioDevice vfio, Vm vm, Iommufd iommufd, ObjectId vdevice,
                            Queue<Mmap> mmaps, Queue<DmaBuf> buffers) {

        static Assigned of(EmuHostStack stack, PciFunction function, long virtId) {
            VfioCdev cdev = stack.vfio().open(function.address()).orElseThrow();
            Vm vm = stack.kvm().createVm(VmType.CONFIDENTIAL).orElseThrow();
            cdev.associateVm(vm).orElseThrow();
            Iommufd iommufd = stack.openIommufd();
            VfioDevice vfio = cdev.bindIommufd(iommufd).orElseThrow();
            ObjectId device = vfio.deviceId();
            ObjectId hwpt = iommufd.allocHwpt(device, iommufd.allocIoas().orElseThrow(), HwptFlags.NEST_PARENT)
                    .orElseThrow();
            ObjectId viommu = iommufd.allocViommu(device, hwpt, iommufd.viommuType(iommufd.hwInfoType(device).orElseThrow()).orElseThrow(), 0)
                    .orElseThrow();
            return new Assigned(function, vfio, vm, iommufd, iommufd.allocVdevice(viommu, device, virtId)
                    .orElseThrow(), new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>());
        }

        void operate(int operation) {
            switch (operation) {
                case 0 -> vfio.mmap(0, 0, 4096).asOptional().ifPresent(mmaps::add);
                case 1 -> close(mmaps.poll());
                case 2 -> iommufd.tsmOp(vdevice, TsmOpType.BIND, 0);
                case 3 -> iommufd.tsmOp(vdevice, TsmOpType.UNBIND, 0);
                case 4 -> iommufd.tsmRequest(vdevice, new GuestRequest(GuestRequestScope.STATE_CHANGE,
                        new StartInterfaceRequest(TdispHeader.v10(function.interfaceId()), ByteString.zeros(32))
                                .encode()), 0);
                case 5 -> vfio.config().write(ConfigRegister.COMMAND, 0);
                case 6 -> vfio.config().write(ConfigRegister.COMMAND, ConfigRegister.COMMAND_MEMORY_SPACE);
                case 7 -> vfio.reset();
                case 8 -> vfio.exportDmaBuf(DmaBufRequest.of(0, 0, 4096)).asOptional().ifPresent(buffer -> {
                    buffer.attach(Importer.peerToPeerCapable());
                    buffers.add(buffer);
                });
                default -> close(buffers.poll());
            }
        }

        private static void close(AutoCloseable handle) {
            if (handle != null) {
                try {
                    handle.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing " + handle + " threw", e);
                }
            }
        }

        void closeAll() {
            mmaps.forEach(Assigned::close);
            buffers.forEach(Assigned::close);
            close(vfio);
            close(iommufd);
            close(vm);
        }
    }

    @ParameterizedTest
    @EnumSource(value = VendorProfile.class, names = {"GENERIC_LINK", "AMD_SEV_TIO", "INTEL_TDX_CONNECT"})
    void racingLifecycleOperationsKeepTheInvariantsAndLeakNothing(VendorProfile profile) throws Exception {
        long seed = KitConfig.seed();
        System.out.printf("[stress] %s seed %d (replay with -D%s=%d)%n", profile, seed, KitConfig.SEED, seed);
        EmuHostStack stack = new EmuHostStack(new StackRequest(profile, TWO_FUNCTIONS, seed), FaultPlan.NONE, 0);
        List<PciFunction> functions = stack.topology().dsms().get(0).functions();
        stack.tsm().connect(functions.get(0).dsm(), stack.topology().tsmDevices().get(0)).orElseThrow();
        List<Assigned> assigned = new ArrayList<>();
        for (int i = 0; i < functions.size(); i++) {
            assigned.add(Assigned.of(stack, functions.get(i), 0x8 * (i + 1)));
        }
        AtomicLong operations = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<Callable<Void>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    Random random = new Random(seed * 31 + round * THREADS + t);
                    workers.add(() -> {
                        for (int i = 0; i < OPERATIONS_PER_ROUND; i++) {
                            assigned.get(random.nextInt(assigned.size())).operate(random.nextInt(10));
                            operations.incrementAndGet();
                        }
                        return null;
                    });
                }
                awaitRound(pool.invokeAll(workers), round);
                for (Assigned a : assigned) {
                    boolean bound = stack.tsm().boundTsm(a.function().address()).isPresent();
                    assertThat(bound && !a.mmaps().isEmpty()).as("round %d: %s bound while the host holds %d mapping(s)"
                            + " of its MMIO", round, a.function().address(), a.mmaps().size()).isFalse();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assigned.forEach(Assigned::closeAll);
        stack.close();

        assertThat(stack.ledger().live()).as("resources left after %d operations and closing everything",
                operations.get()).isEmpty();
        assertThat(operations.get()).isEqualTo((long) ROUNDS * THREADS * OPERATIONS_PER_ROUND);
    }

    /** Waits for a round with the kit's "must happen" timeout; a round that hangs is a deadlock. */
    private static void awaitRound(List<Future<Void>> workers, int round) throws Exception {
        long deadline = System.nanoTime() + KitConfig.timeoutHappen().toNanos() * 4;
        for (Future<Void> worker : workers) {
            try {
                worker.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
                throw new AssertionError("round " + round + " did not finish in time; deadlocked threads: "
                        + (deadlocked == null ? "none found (a livelock or a hang)" : Arrays.toString(
                        ManagementFactory.getThreadMXBean().getThreadInfo(deadlocked))), e);
            }
        }
    }
}
