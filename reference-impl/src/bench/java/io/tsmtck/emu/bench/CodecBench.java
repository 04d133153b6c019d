package io.tsmtck.emu.bench;

import io.tsmtck.api.tdisp.DeviceInterfaceReportResponse;
import io.tsmtck.api.tdisp.InterfaceId;
import io.tsmtck.api.tdisp.InterfaceReport;
import io.tsmtck.api.tdisp.LockInterfaceRequest;
import io.tsmtck.api.tdisp.MmioRange;
import io.tsmtck.api.tdisp.TdispCodec;
import io.tsmtck.api.tdisp.TdispHeader;
import io.tsmtck.api.tdisp.TdispMessage;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.ReservedPolicy;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The wire codec: a LOCK_INTERFACE_REQUEST and a DEVICE_INTERFACE_REPORT (its TDISP response and
 * the report with eight MMIO ranges inside) encoded and decoded, beside {@code rawCopy}: the same
 * bytes copied.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBench {

    private LockInterfaceRequest lock;
    private InterfaceReport report;
    private ByteString lockBytes;
    private ByteString reportBytes;
    private ByteString responseBytes;

    @Setup
    public void messages() {
        TdispHeader header = TdispHeader.v10(new InterfaceId(0x3b00, 0, false));
        lock = new LockInterfaceRequest(header, 0x4, 1, 0x1000, 0);
        report = new InterfaceReport(1, 0, 0, 0, IntStream.range(0, 8)
                .mapToObj(i -> new MmioRange(0x10_0000L + i * 0x100L, 16, 0, i)).toList(), ByteString.zeros(16));
        lockBytes = TdispCodec.encode(lock);
        reportBytes = report.encode();
        responseBytes = TdispCodec.encode(new DeviceInterfaceReportResponse(header, reportBytes, 0));
    }

    @Benchmark
    public Object encodeLock() {
        return TdispCodec.encode(lock);
    }

    @Benchmark
    public TdispMessage decodeLock() {
        return TdispCodec.decode(lockBytes).orElseThrow();
    }

    @Benchmark
    public void encodeReportResponse(Blackhole sink) {
        sink.consume(report.encode());
        sink.consume(TdispCodec.encode(new DeviceInterfaceReportResponse(lock.header(), reportBytes, 0)));
    }

    @Benchmark
    public void decodeReportResponse(Blackhole sink) {
        DeviceInterfaceReportResponse response = (DeviceInterfaceReportResponse) TdispCodec.decode(responseBytes)
                .orElseThrow();
        sink.consume(InterfaceReport.decode(response.portion(), ReservedPolicy.REJECT).orElseThrow());
    }

    @Benchmark
    public void rawCopy(Blackhole sink) {
        sink.consume(lockBytes.toByteArray());
        sink.consume(responseBytes.toByteArray());
    }
}
