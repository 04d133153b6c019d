package io.tsmtck.tck.tests.tdisp;

import io.tsmtck.api.tdisp.DeviceInterfaceReportResponse;
import io.tsmtck.api.tdisp.GetDeviceInterfaceReport;
import io.tsmtck.api.tdisp.InterfaceReport;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.api.wire.WireWriter;
import io.tsmtck.tck.device.TdispAnswer;
import io.tsmtck.tck.device.TdispClient;
import io.tsmtck.tck.setup.Setup;
import java.util.ArrayList;
import java.util.List;

/** Reads a TDI's interface report with GET_DEVICE_INTERFACE_REPORT, in portions of a given size. */
final class ReportReader {

    /** One portion as the device answered it. */
    record Portion(int offset, int length, int remainder) {
    }

    /** The report's bytes and how they came. */
    record Read(ByteString bytes, List<Portion> portions) {

        /** The report decoded (reserved fields ignored). */
        InterfaceReport report() {
            DecodeResult<InterfaceReport> report = InterfaceReport.decode(bytes, ReservedPolicy.IGNORE);
            return report.asOptional().orElseThrow(() -> Setup.failed("decode the interface report",
                    report + " from " + bytes.hex()));
        }
    }

    private static final int MAX_PORTIONS = 4096;

    private ReportReader() {
    }

    /** Reads the whole report asking for {@code chunk} bytes at a time. */
    static Read read(TdispClient tdisp, int chunk) {
        WireWriter bytes = WireWriter.littleEndian();
        List<Portion> portions = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < MAX_PORTIONS; i++) {
            TdispAnswer answer = tdisp.send(new GetDeviceInterfaceReport(tdisp.header(), offset, chunk));
            DeviceInterfaceReportResponse portion = answer.message()
                    .filter(DeviceInterfaceReportResponse.class::isInstance)
                    .map(DeviceInterfaceReportResponse.class::cast)
                    .orElseThrow(() -> Setup.failed("read the interface report", "got " + answer));
            portions.add(new Portion(offset, portion.portion().size(), portion.remainderLength()));
            bytes.bytes(portion.portion());
            offset += portion.portion().size();
            if (portion.remainderLength() == 0 || portion.portion().size() == 0) {
                return new Read(bytes.toByteString(), portions);
            }
        }
        throw Setup.failed("read the interface report", "no last portion after " + MAX_PORTIONS + " requests");
    }
}
