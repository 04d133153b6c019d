package io.tsmtck.tck.tests.vfio;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.topology.Bar;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.vfio.Mmap;
import io.tsmtck.api.vfio.Region;
import io.tsmtck.api.vfio.VfioDevice;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.host.Cases;
import io.tsmtck.tck.host.HostSut;
import io.tsmtck.tck.host.Suts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A VFIO device's regions and their mmap (vfio_pci_core.c), on which the MMIO rules of a bind stand. */
@Tag("area-vfio")
class RegionTest {

    private static final long PAGE = 4096;
    /** A BAR index no function of the kit's topologies implements (they have at most five BARs). */
    private static final int ABSENT_BAR = 5;

    /** An mmap the kit asks for, within or around a BAR of {@code size} bytes, and whether it must map. */
    enum Request {
        FIRST_PAGE(true), LAST_PAGE(true), WHOLE_BAR(true), PAST_THE_END(false), ACROSS_THE_END(false),
        UNALIGNED_OFFSET(false), ZERO_LENGTH(false);

        final boolean maps;

        Request(boolean maps) {
            this.maps = maps;
        }

        long offset(long size) {
            return switch (this) {
                case FIRST_PAGE, WHOLE_BAR, ZERO_LENGTH -> 0;
                case LAST_PAGE, ACROSS_THE_END -> size - PAGE;
                case PAST_THE_END -> size;
                case UNALIGNED_OFFSET -> PAGE / 2;
            };
        }

        long length(long size) {
            return switch (this) {
                case FIRST_PAGE, LAST_PAGE, PAST_THE_END, UNALIGNED_OFFSET -> PAGE;
                case WHOLE_BAR -> size;
                case ACROSS_THE_END -> 2 * PAGE;
                case ZERO_LENGTH -> 0;
            };
        }
    }

    static Stream<Arguments> barRequests() {
        List<Arguments> cases = new ArrayList<>();
        Suts.specs(Suts.WITH_SUBFUNCTIONS).forEach(spec -> {
            for (int bar = 0; bar < spec.topology().barSizes().size(); bar++) {
                for (Request request : Request.values()) {
                    cases.add(Arguments.of(new HostSut(spec), bar, request));
                }
            }
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, BAR{1}, {2}")
    @MethodSource("barRequests")
    @Must("VFIO-26")
    void aBarMapsOnlyPageAlignedRangesWithinIt(HostSut sut, int bar, Request request) {
        // PF0 and the DSM's last function (a VF where there are VFs): each BAR's own size bounds it
        List<PciFunction> functions = sut.dsm().functions();
        for (PciFunction function : Stream.of(sut.pf0(), functions.get(functions.size() - 1)).distinct().toList()) {
            long size = size(function, bar);
            long offset = request.offset(size);
            long length = request.length(size);
            Result<Mmap> mapped = sut.vfio(function).mmap(bar, offset, length);
            String what = String.format("mmap of BAR%d of %s (%d bytes) at offset %d, length %d", bar,
                    function.address(), size, offset, length);
            if (request.maps) {
                assertThat(mapped).as(what).succeeded();
                mapped.orElseThrow().close();
            } else {
                assertThat(mapped).as(what).isRefusedWith(Errno.EINVAL);
            }
        }
    }

    static Stream<Arguments> regionsThatAreNotBars() {
        return Cases.profilesWith(List.of(Region.ROM_INDEX, Region.CONFIG_INDEX, ABSENT_BAR));
    }

    @ParameterizedTest(name = "{0}, region {1}")
    @MethodSource("regionsThatAreNotBars")
    @Must("VFIO-26")
    void onlyAnImplementedBarMaps(HostSut sut, int region) {
        assertThat(sut.vfio(sut.pf0()).mmap(region, 0, PAGE)).as("mmap of region %d of %s", region,
                sut.pf0().address()).isRefusedWith(Errno.EINVAL);
    }

    static Stream<HostSut> withSubfunctions() {
        return Suts.everyProfile(Suts.WITH_SUBFUNCTIONS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withSubfunctions")
    @Must("VFIO-27")
    void regionInfoGivesEachBarItsSize(HostSut sut) {
        for (PciFunction function : sut.stack().topology().dsms().get(0).functions()) {
            VfioDevice device = sut.vfio(function);
            List<Region> expected = new ArrayList<>();
            for (int index = 0; index < Region.ROM_INDEX; index++) {
                Optional<Bar> bar = bar(function, index);
                expected.add(new Region(index, bar.map(Bar::size).orElse(0L), bar.isPresent()));
            }
            expected.add(new Region(Region.CONFIG_INDEX, PAGE, false));
            List<Region> actual = device.regions().stream().filter(r -> r.index() != Region.ROM_INDEX).toList();
            assertThat("VFIO_DEVICE_GET_REGION_INFO of " + function.address() + " (BARs 0-5 and config; sizes "
                    + "from the topology)", actual).is(expected);
            assertThat("MMAP flag of the ROM region of " + function.address(), device.regions().stream()
                    .filter(r -> r.index() == Region.ROM_INDEX).map(Region::mmapable).toList()).is(List.of(false));
        }
    }

    private static long size(PciFunction function, int index) {
        return bar(function, index).orElseThrow().size();
    }

    private static Optional<Bar> bar(PciFunction function, int index) {
        return function.bars().stream().filter(b -> b.index() == index).findFirst();
    }
}
