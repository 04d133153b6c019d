package io.tsmtck.tck.tests.lifecycle;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.dmabuf.DmaBuf;
import io.tsmtck.api.dmabuf.DmaBufAttachment;
import io.tsmtck.api.dmabuf.Importer;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.vfio.ConfigRegister;
import io.tsmtck.api.vfio.DmaBufRequest;
import io.tsmtck.api.vfio.Mmap;
import io.tsmtck.api.vfio.VfioDevice;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.host.Assignment;
import io.tsmtck.tck.host.HostSut;
import io.tsmtck.tck.host.Suts;
import io.tsmtck.tck.setup.TwoThreads;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The host SPI's threading contract: every object answers from any thread. */
@Tag("area-lifecycle")
class ThreadingTest {

    private static <T> T succeeded(Result<T> result, String what) {
        assertThat(result).as(what).succeeded();
        return result.orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("LIFE-05")
    void anAssignmentWhoseCallsAlternateBetweenTwoThreadsCompletes(HostSut sut) {
        PciAddress dsm = sut.dsm().address();
        try (TwoThreads threads = new TwoThreads()) {
            assertThat(threads.run("connect", () -> sut.stack().tsm().connect(dsm, sut.tsmName())))
                    .as("connect of %s", dsm).succeeded();
            Assignment a = threads.run("the uAPI chain (cdev, VM, iommufd, vIOMMU, vdevice)",
                    () -> sut.assign(sut.pf0()));
            VfioDevice vfio = a.vfio();
            DmaBuf buffer = succeeded(threads.run("VFIO_DEVICE_FEATURE_DMA_BUF", () -> vfio.exportDmaBuf(
                    DmaBufRequest.of(0, 0, 4096))), "export of BAR0");
            DmaBufAttachment attachment = succeeded(threads.run("dma_buf_attach", () -> buffer.attach(
                    Importer.peerToPeerCapable())), "attach");
            assertThat(threads.run("dma_buf_map_attachment", attachment::map)).as("map").succeeded();

            Mmap mmap = succeeded(threads.run("mmap BAR1", () -> vfio.mmap(1, 0, 4096)), "mmap");
            assertThat(threads.run("a CPU access through the mmap", mmap::access)).as("access").succeeded();
            threads.run("munmap", mmap::close);
            Mmap again = succeeded(threads.run("mmap BAR1 again", () -> vfio.mmap(1, 0, 4096)), "second mmap");
            threads.run("munmap again", again::close);

            int command = threads.run("read Command", () -> vfio.config().read(ConfigRegister.COMMAND));
            assertThat(threads.run("clear memory decode", () -> vfio.config().write(ConfigRegister.COMMAND,
                    command & ~ConfigRegister.COMMAND_MEMORY_SPACE))).as("Command write").succeeded();
            assertThat(threads.run("set memory decode", () -> vfio.config().write(ConfigRegister.COMMAND,
                    command | ConfigRegister.COMMAND_MEMORY_SPACE))).as("Command write").succeeded();
            assertThat(threads.run("VFIO_DEVICE_RESET", vfio::reset)).as("reset").succeeded();
            assertThat(threads.run("low power entry", vfio::lowPowerEntry)).as("low power entry").succeeded();
            assertThat(threads.run("low power exit", vfio::lowPowerExit)).as("low power exit").succeeded();

            assertThat(threads.run("IOMMU_VDEVICE_TSM_OP BIND", a::bind)).as("bind").succeeded();
            assertThat(threads.run("guest start", a::guestStart)).as("guest start").succeeded();
            assertThat(threads.run("IOMMU_VDEVICE_TSM_OP UNBIND", a::unbind)).as("unbind").succeeded();

            threads.run("close the VFIO device", vfio::close);
            assertThat(threads.run("mmap of the closed VFIO device", () -> vfio.mmap(1, 0, 4096)))
                    .as("mmap after close").isRefusedWith(Errno.ENODEV);
            threads.run("close the iommufd", a.iommufd()::close);
            threads.run("close the VM", a.vm()::close);
            assertThat(threads.run("disconnect", () -> sut.stack().tsm().disconnect(dsm, sut.tsmName())))
                    .as("disconnect of %s", dsm).succeeded();
            assertThat("tsm/connect of " + dsm + " after the disconnect",
                    threads.run("read tsm/connect", () -> sut.stack().tsm().connectedTsm(dsm))).is(Optional.empty());
        }
    }
}
