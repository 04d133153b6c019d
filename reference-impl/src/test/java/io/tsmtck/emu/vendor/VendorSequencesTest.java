package io.tsmtck.emu.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.StackRequest;
import io.tsmtck.api.VendorProfile;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.api.tsm.TsmFunctionOps;
import io.tsmtck.api.vm.Vm;
import io.tsmtck.api.vm.VmType;
import io.tsmtck.emu.EmuHostStack;
import io.tsmtck.emu.faults.Fault;
import io.tsmtck.emu.faults.FaultPlan;
import io.tsmtck.emu.faults.ResourceLedger;
import io.tsmtck.emu.stack.EmuContext;
import io.tsmtck.emu.stack.Handles;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Vendor sequences the SPI does not show: firmware call order and serialisation. */
class VendorSequencesTest {

    private static EmuContext context(FaultPlan faults) {
        return new EmuContext(faults, new Random(1), new ResourceLedger(0), new Handles());
    }

    private static List<String> unbindCalls(FaultPlan faults) {
        try (EmuHostStack stack = new EmuHostStack(new StackRequest(VendorProfile.INTEL_TDX_CONNECT,
                TopologyRequest.minimal(), 3), faults, 0)) {
            PciFunction pf0 = stack.topology().dsms().get(0).pf0();
            stack.tsm().connect(pf0.dsm(), "tsm0").orElseThrow();
            Result<Vm> vm = stack.kvm().createVm(VmType.CONFIDENTIAL);
            TsmFunctionOps ops = stack.tsm().functionOps().orElseThrow();
            ops.bind(pf0.address(), vm.asOptional(), 8).orElseThrow();
            ops.unbind(pf0.address()).orElseThrow();
            TdxConnectTsm tdx = (TdxConnectTsm) stack.backend();
            return tdx.firmware().calls().stream().filter(c -> c.startsWith("TDH.TDI.") || c.startsWith("TDH.MMIO."))
                    .filter(c -> !c.startsWith("TDH.TDI.LOCK")).map(c -> c.split(" ")[0]).collect(Collectors.toList());
        }
    }

    @Test
    void tdxUnbindStopsUnmapsCleansAndReclaimsInThatOrder() {
        assertThat(unbindCalls(FaultPlan.NONE))
                .containsExactly("TDH.TDI.STOP", "TDH.MMIO.UNMAP", "TDH.TDI.CLEAN", "TDH.TDI.RECLAIM");
    }

    @Test
    void theWrongOrderFaultIsVisibleInTheFirmwareLog() {
        assertThat(unbindCalls(FaultPlan.of(Fault.TDX_UNBIND_WRONG_ORDER))).first().isEqualTo("TDH.TDI.RECLAIM");
    }

    @Test
    void theTdxModuleAnswersBusyToACallDuringAnother() throws Exception {
        assertThat(concurrentAttempt(FaultPlan.NONE).refusalErrno()).contains(Errno.EBUSY);
    }

    @Test
    void theSerialisationFaultLetsCallsOverlap() throws Exception {
        assertThat(concurrentAttempt(FaultPlan.of(Fault.TDX_FIRMWARE_NOT_SERIALISED)).isOk()).isTrue();
    }

    /** A second call attempted while a first is inside the firmware. */
    private static Result<String> concurrentAttempt(FaultPlan faults) throws Exception {
        FirmwareGate gate = new TdxConnectTsm(context(faults)).module();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Result<String>> first = CompletableFuture.supplyAsync(() -> gate.call("first", () -> {
            inside.countDown();
            await(release);
            return Result.ok("first");
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        Result<String> second = gate.tryCall("second", () -> Result.ok("second"));
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).isOk()).isTrue();
        return second;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void amdBindIsOneFirmwareCall() {
        try (EmuHostStack stack = new EmuHostStack(new StackRequest(VendorProfile.AMD_SEV_TIO,
                TopologyRequest.minimal(), 4), FaultPlan.NONE, 0)) {
            PciFunction pf0 = stack.topology().dsms().get(0).pf0();
            stack.tsm().connect(pf0.dsm(), "tsm0").orElseThrow();
            Optional<Vm> vm = stack.kvm().createVm(VmType.CONFIDENTIAL).asOptional();

            stack.tsm().functionOps().orElseThrow().bind(pf0.address(), vm, 8).orElseThrow();

            List<String> calls = ((AmdSevTioTsm) stack.backend()).firmware().calls();
            assertThat(calls.stream().filter(c -> c.startsWith("TDI_BIND"))).hasSize(1);
        }
    }
}
