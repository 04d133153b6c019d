package io.tsmtck.tck.tests.vfio;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.dmabuf.DmaBuf;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.vfio.DmaBufRange;
import io.tsmtck.api.vfio.DmaBufRequest;
import io.tsmtck.api.vfio.Region;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.host.Cases;
import io.tsmtck.tck.host.HostSut;
import io.tsmtck.tck.host.Suts;
import io.tsmtck.tck.setup.Setup;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The argument checks of VFIO_DEVICE_FEATURE_DMA_BUF (vfio_pci_dmabuf.c). */
@Tag("area-vfio")
class DmaBufExportTest {

    static Stream<Arguments> nonBarRegions() {
        return Cases.profilesWith(List.of(Region.ROM_INDEX, Region.CONFIG_INDEX, 9));
    }

    static Stream<Arguments> unalignedRanges() {
        return Cases.profilesWith(List.of(new DmaBufRange(1, 4096), new DmaBufRange(0, 4095),
                new DmaBufRange(2048, 4096)));
    }

    private static DmaBufRequest oneRange(long offset, long length) {
        return DmaBufRequest.of(0, offset, length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-12")
    void flagsAreInvalid(HostSut sut) {
        assertThat(sut.vfio(sut.pf0()).exportDmaBuf(new DmaBufRequest(0, 1, List.of(new DmaBufRange(0, 4096)))))
                .isRefusedWith(Errno.EINVAL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-13")
    void noRangesIsInvalid(HostSut sut) {
        assertThat(sut.vfio(sut.pf0()).exportDmaBuf(new DmaBufRequest(0, 0, List.of()))).isRefusedWith(Errno.EINVAL);
    }

    @ParameterizedTest(name = "{0}, region {1}")
    @MethodSource("nonBarRegions")
    @Must("VFIO-14")
    void aRegionThatIsNotABarIsNoSuchDevice(HostSut sut, int region) {
        assertThat(sut.vfio(sut.pf0()).exportDmaBuf(DmaBufRequest.of(region, 0, 4096))).as("region %d", region)
                .isRefusedWith(Errno.ENODEV);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-15")
    void aZeroLengthRangeIsInvalid(HostSut sut) {
        assertThat(sut.vfio(sut.pf0()).exportDmaBuf(oneRange(0, 0))).isRefusedWith(Errno.EINVAL);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("unalignedRanges")
    @Must("VFIO-16")
    void anUnalignedRangeIsInvalid(HostSut sut, DmaBufRange range) {
        assertThat(sut.vfio(sut.pf0()).exportDmaBuf(new DmaBufRequest(0, 0, List.of(range)))).as("%s", range)
                .isRefusedWith(Errno.EINVAL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-17")
    void anOverflowingRangeIsOverflow(HostSut sut) {
        assertThat(sut.vfio(sut.pf0()).exportDmaBuf(oneRange(-4096L, 8192))).isRefusedWith(Errno.EOVERFLOW);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-18")
    void aRangePastTheBarIsInvalid(HostSut sut) {
        long size = sut.pf0().bars().get(0).size();

        assertThat(sut.vfio(sut.pf0()).exportDmaBuf(oneRange(size - 4096, 8192))).as("range ending 4 KiB past BAR0")
                .isRefusedWith(Errno.EINVAL);
        assertThat(sut.vfio(sut.pf0()).exportDmaBuf(oneRange(size - 4096, 4096)))
                .as("the last page of BAR0, ending exactly at its end").succeeded();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-28")
    void theDmaBufHasTheSizeOfItsRanges(HostSut sut) {
        long page = 4096;
        long bar = sut.pf0().bars().get(0).size();
        List<List<DmaBufRange>> exports = new ArrayList<>(List.of(List.of(new DmaBufRange(0, bar))));
        if (bar >= 4 * page) {
            exports.add(List.of(new DmaBufRange(0, page), new DmaBufRange(2 * page, 2 * page),
                    new DmaBufRange(bar - page, page)));
        } else if (bar >= 2 * page) {
            exports.add(List.of(new DmaBufRange(0, page), new DmaBufRange(page, bar - page)));
        }
        for (List<DmaBufRange> ranges : exports) {
            long summed = ranges.stream().mapToLong(DmaBufRange::length).sum();
            try (DmaBuf buffer = Setup.require(sut.vfio(sut.pf0()).exportDmaBuf(new DmaBufRequest(0, 0, ranges)),
                    "VFIO_DEVICE_FEATURE_DMA_BUF of BAR0 " + ranges)) {
                assertThat("size (lseek SEEK_END) of the dma-buf of BAR0 " + ranges, buffer.size()).is(summed);
            }
        }
    }
}
