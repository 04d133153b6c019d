package io.tsmtck.tck.tests.vfio;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;
import static io.tsmtck.tck.assertions.KitAssertions.assertThatLink;

import io.tsmtck.api.dmabuf.DmaBuf;
import io.tsmtck.api.dmabuf.DmaBufAttachment;
import io.tsmtck.api.dmabuf.Importer;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.api.tsm.TsmContextState;
import io.tsmtck.api.vfio.ConfigRegister;
import io.tsmtck.api.vfio.DmaBufRequest;
import io.tsmtck.api.vfio.Mmap;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.binding.Should;
import io.tsmtck.tck.host.Assignment;
import io.tsmtck.tck.host.FailNthSweep;
import io.tsmtck.tck.host.HostSut;
import io.tsmtck.tck.host.Importers;
import io.tsmtck.tck.host.Suts;
import io.tsmtck.tck.setup.Await;
import io.tsmtck.tck.setup.Setup;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/**
 * What VFIO, the owner of the device's MMIO, must do around a TSM bind and at close (the January
 * 2025 dri-devel message's pseudo code around {@code pci_tsm_dev_bind()}).
 */
@Tag("area-vfio")
class BindDutiesTest {

    static Stream<Arguments> everyBar() {
        return Suts.specs(TopologyRequest.minimal()).flatMap(spec -> IntStream
                .range(0, spec.topology().barSizes().size()).mapToObj(bar -> Arguments.of(new HostSut(spec), bar)));
    }

    static DmaBuf export(Assignment assignment) {
        return Setup.require(assignment.vfio().exportDmaBuf(DmaBufRequest.of(0, 0, 4096)), "export BAR0 page 0");
    }

    static DmaBufAttachment attach(DmaBuf buffer) {
        return Setup.require(buffer.attach(Importer.peerToPeerCapable()), "attach a peer-to-peer importer");
    }

    @ParameterizedTest(name = "{0}, BAR{1} mapped")
    @MethodSource("everyBar")
    @Should("VFIO-01")
    void bindIsRefusedWhileABarIsMapped(HostSut sut, int bar) {
        Assignment assignment = sut.assign(sut.pf0());
        Setup.require(assignment.vfio().mmap(bar, 0, 4096), "mmap BAR" + bar);

        assertThat(assignment.bind()).as("bind with BAR%d mmapped", bar).isRefused();
        assertThat(sut, sut.pf0()).isInState(TdiState.CONFIG_UNLOCKED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Should("VFIO-02")
    void bindRevokesTheDmaBufs(HostSut sut) {
        Assignment assignment = sut.assign(sut.pf0());
        DmaBufAttachment attachment = attach(export(assignment));
        Setup.require(attachment.map(), "map the dma-buf before bind");

        assignment.bound();
        Await.until(() -> !Importers.isMapped(sut, attachment));

        assertThat(sut, attachment).as("after bind (the revoke before the TSM bind takes it away)").isUnmapped();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Should("VFIO-03")
    void bindWithMemoryDecodeOnRestoresTheDmaBufs(HostSut sut) {
        Assignment assignment = sut.assign(sut.pf0());
        DmaBuf buffer = export(assignment);

        assignment.bound();

        assertThat(buffer).as("dma-buf after bind with memory decode enabled").isActive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Should("VFIO-04")
    void bindWithMemoryDecodeOffLeavesTheDmaBufsRevoked(HostSut sut) {
        Assignment assignment = sut.assign(sut.pf0());
        DmaBuf buffer = export(assignment);
        Setup.require(assignment.vfio().config().write(ConfigRegister.COMMAND, 0), "clear Memory Space Enable");

        assignment.bound();

        assertThat(buffer).as("dma-buf after bind with memory decode disabled").staysRevoked();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Should("VFIO-25")
    void aBindRefusedForAMappedBarLeavesNoTrace(HostSut sut) {
        Assignment assignment = sut.assign(sut.pf0());
        DmaBuf buffer = export(assignment);
        Mmap mmap = Setup.require(assignment.vfio().mmap(0, 0, 4096), "mmap BAR0");
        if (assignment.bind().isOk()) {
            throw new TestAbortedException("bind succeeded with BAR0 mmapped (VFIO-01 reports it): there is no refused"
                    + " bind to check for traces");
        }

        assertThatLink("tsm/bound of " + sut.pf0().address() + " after the refused bind",
                sut.stack().tsm().boundTsm(sut.pf0().address())).namesNoTsm();
        assertThat(sut, sut.pf0()).as("after the refused bind").isInState(TdiState.CONFIG_UNLOCKED);
        assertThat(buffer).as("dma-buf after the refused bind, memory decode enabled").isActive();

        mmap.close();

        assertThat(assignment.bind()).as("bind once BAR0 is unmapped").succeeded();
        assertThat(sut, sut.pf0()).as("after the bind once BAR0 is unmapped").isInState(TdiState.CONFIG_LOCKED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Should("VFIO-25")
    void aBindFailingPartWayLeavesTheDmaBufsActive(HostSut sut) {
        FailNthSweep sweep = FailNthSweep.on(sut);
        Assignment assignment = sut.assign(sut.pf0());
        AtomicReference<DmaBuf> buffer = new AtomicReference<>(export(assignment));

        sweep.sweep("bind of " + sut.pf0().address() + " with a dma-buf exported", assignment::bind,
                n -> assertThat(buffer.get()).as("dma-buf after the bind failed at fail-nth %d, memory decode enabled",
                        n).isActive(),
                n -> {
                    Setup.require(assignment.unbind(), "unbind after the bind run with fail-nth " + n);
                    buffer.set(export(assignment));
                });
    }

    @ParameterizedTest(name = "{0}, BAR{1}")
    @MethodSource("everyBar")
    @Should("VFIO-05")
    void aBoundDevicesBarCannotBeMapped(HostSut sut, int bar) {
        Assignment assignment = sut.assign(sut.pf0()).bound();

        assertThat(assignment.vfio().mmap(bar, 0, 4096)).as("mmap of BAR%d while bound", bar).isRefused();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-10")
    void closingTheDeviceRevokesItsDmaBufsForGood(HostSut sut) {
        Assignment assignment = sut.assign(sut.pf0());
        DmaBuf buffer = export(assignment);

        assignment.vfio().close();

        assertThat(buffer).as("dma-buf after its VFIO device closed").isRevoked();
        assertThat(buffer.attach(Importer.peerToPeerCapable())).as("attach after close").isRefused();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-11")
    void closingTheDeviceUnbindsAndUnlocksTheTdi(HostSut sut) {
        Assignment assignment = sut.assign(sut.pf0()).bound();
        Setup.require(assignment.guestStart(), "guest start");

        assignment.vfio().close();

        assertThat(sut, sut.pf0()).as("after closing the VFIO device").isInState(TdiState.CONFIG_UNLOCKED);
        assertThat("context state after closing the VFIO device", sut.stack().tsm().state(sut.pf0().address()))
                .is(TsmContextState.CONNECTED);
    }
}
