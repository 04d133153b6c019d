package io.tsmtck.tck.tests.tdisp;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.tdisp.DeviceInterfaceReportResponse;
import io.tsmtck.api.tdisp.GetDeviceInterfaceReport;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.InterfaceReport;
import io.tsmtck.api.tdisp.LockFlag;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.MmioRange;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tdisp.TdispErrorCode;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.tck.binding.Applicability;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.binding.Should;
import io.tsmtck.tck.catalogue.Condition;
import io.tsmtck.tck.device.DeviceCases;
import io.tsmtck.tck.device.DeviceSut;
import io.tsmtck.tck.device.TdiDriver;
import io.tsmtck.tck.device.TdispAnswer;
import io.tsmtck.tck.device.TdispClient;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/** The interface report (PCIe Base 6.x §11.3.10-11.3.11, table 11-15). */
@Tag("area-tdisp")
class ReportTest {

    /** INTERFACE_INFO bit 0 (table 11-15): device firmware updates are not permitted while locked. */
    private static final int NO_FW_UPDATE_WHILE_LOCKED = 1;

    private static final int WHOLE = 0xFFFF;
    /** A reporting offset that moves every address by 4 GiB. */
    private static final long OFFSET = 0x1_0000_0000L;
    /** RANGE_IDs 0 to 7 are the BARs' (PCIe §11.3.11 table 11-15); a device may report other ranges after. */
    private static final int FIRST_NON_BAR_RANGE_ID = 8;

    static Stream<Arguments> everyFunction() {
        return DeviceCases.functions(DeviceCases.WITH_SUBFUNCTIONS);
    }

    static Stream<Arguments> portionSizes() {
        return DeviceCases.with(List.of(1, 4, 16, 33));
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Must("TDISP-16")
    void theReportCoversEveryBarInBarOrder(DeviceSut sut, int fn) {
        PciFunction function = sut.connect().function(fn);
        List<String> expected = sut.bars(function).stream()
                .map(bar -> "range " + bar.index() + ": " + bar.size() / MmioRange.PAGE_SIZE + " pages")
                .collect(Collectors.toList());
        TdispClient tdisp = sut.tdisp(function);
        tdisp.lock();

        InterfaceReport report = ReportReader.read(tdisp, WHOLE).report();

        List<MmioRange> barRanges = report.ranges().stream().filter(range -> range.rangeId() < FIRST_NON_BAR_RANGE_ID)
                .toList();
        assertThat("MMIO ranges of " + function.address() + ", the pieces of a split BAR joined"
                + (barRanges.size() < report.ranges().size() ? ", " + (report.ranges().size() - barRanges.size())
                + " range(s) with a RANGE_ID of 8 or more (no BAR) left out" : ""), joined(barRanges))
                .is(expected);
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Should("TDISP-51")
    void aTdiLockedWithNoFwUpdateReportsIt(DeviceSut sut, int fn) {
        PciFunction function = sut.connect().function(fn);
        Applicability.requireLockFlag(sut, function, Condition.ADVERTISES_NO_FW_UPDATE, LockFlag.NO_FW_UPDATE);
        TdispClient tdisp = sut.tdisp(function);
        tdisp.lock(LockFlag.NO_FW_UPDATE.mask(), 0);

        InterfaceReport report = ReportReader.read(tdisp, WHOLE).report();

        assertThat("INTERFACE_INFO bit 0 (no firmware update while locked) of " + function.address()
                + " locked with NO_FW_UPDATE, INTERFACE_INFO 0x" + Integer.toHexString(report.interfaceInfo()),
                report.interfaceInfo() & NO_FW_UPDATE_WHILE_LOCKED).is(NO_FW_UPDATE_WHILE_LOCKED);
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Should("TDISP-51")
    void aTdiLockedWithoutNoFwUpdateDoesNotReportIt(DeviceSut sut, int fn) {
        PciFunction function = sut.connect().function(fn);
        Applicability.requireLockFlag(sut, function, Condition.ADVERTISES_NO_FW_UPDATE, LockFlag.NO_FW_UPDATE);
        TdispClient tdisp = sut.tdisp(function);
        tdisp.lock(0, 0);

        InterfaceReport report = ReportReader.read(tdisp, WHOLE).report();

        assertThat("INTERFACE_INFO bit 0 (no firmware update while locked) of " + function.address()
                + " locked without NO_FW_UPDATE, INTERFACE_INFO 0x" + Integer.toHexString(report.interfaceInfo()),
                report.interfaceInfo() & NO_FW_UPDATE_WHILE_LOCKED).is(0);
    }

    /**
     * The report's ranges with the contiguous pieces of one BAR joined (ATTR may split a BAR, for
     * its MSI-X table, PBA or non-TEE pages): "range ID: N pages", or where a piece does not start
     * where the one before it ended, "range ID: not contiguous at page P".
     */
    private static List<String> joined(List<MmioRange> ranges) {
        List<String> joined = new ArrayList<>();
        MmioRange previous = null;
        long pages = 0;
        for (MmioRange range : ranges) {
            if (previous != null && range.rangeId() == previous.rangeId()) {
                if (range.firstPage() != previous.firstPage() + previous.numberOfPages()) {
                    joined.add("range " + range.rangeId() + ": not contiguous at page 0x"
                            + Long.toHexString(range.firstPage()));
                }
                pages += range.numberOfPages();
            } else {
                if (previous != null) {
                    joined.add("range " + previous.rangeId() + ": " + pages + " pages");
                }
                pages = range.numberOfPages();
            }
            previous = range;
        }
        if (previous != null) {
            joined.add("range " + previous.rangeId() + ": " + pages + " pages");
        }
        return joined;
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Must("TDISP-17")
    void theReportingOffsetMovesEveryRangeByTheSameAmount(DeviceSut sut, int fn) {
        PciFunction function = sut.connect().function(fn);
        TdispClient tdisp = sut.tdisp(function);
        tdisp.lock(0, 0);
        List<MmioRange> plain = ReportReader.read(tdisp, WHOLE).report().ranges();
        tdisp.send(HeaderOnlyMessage.stop(tdisp.header()));
        tdisp.lock(0, OFFSET);
        List<MmioRange> moved = ReportReader.read(tdisp, WHOLE).report().ranges();
        if (plain.isEmpty()) {
            throw new TestAbortedException("the interface report of " + function.address() + " lists no MMIO range,"
                    + " so no reporting offset can be seen in it");
        }

        // the two reports alone decide: no BAR size is needed, so a device over a socket is tested too
        List<Long> shifts = new ArrayList<>();
        for (int i = 0; i < Math.min(plain.size(), moved.size()); i++) {
            shifts.add(moved.get(i).firstPage() - plain.get(i).firstPage());
        }
        assertThat("FIRST_PAGE shifts of " + function.address() + " for MMIO_REPORTING_OFFSET 0x100000000 ("
                + plain.size() + " range(s) at offset 0, " + moved.size() + " with it)", shifts)
                .satisfies(s -> plain.size() == moved.size()
                        && (s.stream().allMatch(d -> d == OFFSET) || s.stream().allMatch(d -> d == OFFSET >> 12)),
                        "as many ranges, every one moved by 0x100000000 (byte reading) or 0x100000 (page reading)");
    }

    @ParameterizedTest(name = "{0}, portions of {1} bytes")
    @MethodSource("portionSizes")
    @Must("TDISP-18")
    void portionsConcatenateToTheWholeReportWithCountingRemainders(DeviceSut sut, int size) {
        PciFunction pf0 = sut.connect().pf0();
        TdispClient tdisp = sut.tdisp(pf0);
        tdisp.lock();
        ReportReader.Read whole = ReportReader.read(tdisp, WHOLE);

        ReportReader.Read portions = ReportReader.read(tdisp, size);

        int total = whole.bytes().size();
        assertThat("PORTION_LENGTH of each answer to LENGTH " + size, portions.portions().stream()
                .map(ReportReader.Portion::length).toList())
                .satisfies(lengths -> lengths.stream().allMatch(length -> length >= 1 && length <= size),
                        "1 to " + size + " bytes each: at most the LENGTH asked for");
        assertThat("report read in portions of " + size, portions.bytes().hex()).is(whole.bytes().hex());
        List<String> remainders = portions.portions().stream()
                .map(p -> p.offset() + "+" + p.length() + " leaves " + p.remainder()).collect(Collectors.toList());
        assertThat("REMAINDER_LENGTH of each portion (report of " + total + " bytes)", remainders)
                .satisfies(r -> portions.portions().stream()
                        .allMatch(p -> p.remainder() == total - p.offset() - p.length()),
                        "report length - OFFSET - PORTION_LENGTH for every portion");
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Must("TDISP-57")
    void anOffsetPastTheReportIsInvalidRequestAndItsLastByteIsServed(DeviceSut sut, int fn) {
        PciFunction function = sut.connect().function(fn);
        TdiDriver.enter(sut, function, TdiState.CONFIG_LOCKED);
        TdispClient tdisp = sut.tdisp(function);
        int length = ReportReader.read(tdisp, WHOLE).bytes().size();

        for (int offset : new int[] {length + 1, 0xFFFF}) {
            if (offset <= 0xFFFF) {
                assertThat(tdisp.send(new GetDeviceInterfaceReport(tdisp.header(), offset, WHOLE)))
                        .as("OFFSET %d of a report of %d bytes", offset, length).isError(TdispErrorCode.INVALID_REQUEST);
            }
        }
        assertThat(sut, function).as("after OFFSETs past the report").isInState(TdiState.CONFIG_LOCKED);
        TdispAnswer last = tdisp.send(new GetDeviceInterfaceReport(tdisp.header(), length - 1, WHOLE));
        assertThat(last).as("OFFSET %d, the last byte of a report of %d bytes", length - 1, length)
                .isResponse(MessageType.DEVICE_INTERFACE_REPORT);
        DeviceInterfaceReportResponse portion = (DeviceInterfaceReportResponse) last.message().orElseThrow();
        assertThat("PORTION_LENGTH and REMAINDER_LENGTH at OFFSET " + (length - 1) + " of " + length,
                portion.portion().size() + " byte(s), " + portion.remainderLength() + " left")
                .is("1 byte(s), 0 left");
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Must("TDISP-46")
    void theReportIsReadableInRun(DeviceSut sut, int fn) {
        PciFunction function = sut.connect().function(fn);
        TdiDriver.enter(sut, function, TdiState.RUN);
        TdispClient tdisp = sut.tdisp(function);

        assertThat(tdisp.send(new GetDeviceInterfaceReport(tdisp.header(), 0, 0x40)))
                .as("GET_DEVICE_INTERFACE_REPORT in RUN").isResponse(MessageType.DEVICE_INTERFACE_REPORT);
        assertThat(sut, function).as("after GET_DEVICE_INTERFACE_REPORT in RUN").isInState(TdiState.RUN);
    }
}
