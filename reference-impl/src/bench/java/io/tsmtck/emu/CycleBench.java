package io.tsmtck.emu;

import io.tsmtck.api.StackRequest;
import io.tsmtck.api.VendorProfile;
import io.tsmtck.api.iommufd.TsmOpType;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.TdispHeader;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.api.tsm.GuestRequest;
import io.tsmtck.api.tsm.GuestRequestScope;
import io.tsmtck.emu.faults.FaultPlan;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full assignment on a fresh emulated stack: connect, open and bind the cdev to a confidential
 * VM, vIOMMU and vdevice, TSM bind, guest START, guest STOP, TSM unbind, disconnect, close, per
 * profile; beside {@code stackOnly}: the same stack built and closed, what every test pays first.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CycleBench {

    @Param({"GENERIC_LINK", "AMD_SEV_TIO", "INTEL_TDX_CONNECT"})
    public VendorProfile profile;

    private long seed;

    @Benchmark
    public Object connectBindStartStopUnbindDisconnect() {
        try (EmuHostStack stack = stack()) {
            StackDriver driver = new StackDriver(stack, stack.topology().dsms().get(0).pf0()).assign();
            driver.bind().orElseThrow();
            driver.guestStart().orElseThrow();
            HeaderOnlyMessage stop = new HeaderOnlyMessage(MessageType.STOP_INTERFACE_REQUEST,
                    TdispHeader.v10(driver.function.interfaceId()));
            driver.iommufd.tsmRequest(driver.vdevice, new GuestRequest(GuestRequestScope.STATE_CHANGE, stop.encode()), 0)
                    .orElseThrow();
            driver.iommufd.tsmOp(driver.vdevice, TsmOpType.UNBIND, 0).orElseThrow();
            driver.vfio.close();
            return stack.tsm().disconnect(driver.function.dsm(), "tsm0").orElseThrow();
        }
    }

    @Benchmark
    public Object stackOnly() {
        try (EmuHostStack stack = stack()) {
            return stack.topology();
        }
    }

    private EmuHostStack stack() {
        return new EmuHostStack(new StackRequest(profile, TopologyRequest.minimal(), seed++), FaultPlan.NONE, 0);
    }
}
