package io.tsmtck.tck.tests.vfio;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.dmabuf.DmaBuf;
import io.tsmtck.api.dmabuf.DmaBufAttachment;
import io.tsmtck.api.dmabuf.Importer;
import io.tsmtck.api.vfio.ConfigRegister;
import io.tsmtck.api.vfio.DmaBufRequest;
import io.tsmtck.api.vfio.Mmap;
import io.tsmtck.api.vfio.VfioDevice;
import io.tsmtck.tck.support.Await;
import io.tsmtck.tck.support.Must;
import io.tsmtck.tck.support.Setup;
import io.tsmtck.tck.support.Sut;
import io.tsmtck.tck.support.Suts;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Memory decode, resets and MMIO access (vfio_pci_core.c, vfio_pci_dmabuf.c). */
@Tag("area-vfio")
class MemoryDecodeTest {

    private static DmaBuf export(VfioDevice vfio, int bar) {
        return Setup.require(vfio.exportDmaBuf(DmaBufRequest.of(bar, 0, 4096)), "export BAR" + bar);
    }

    private static DmaBufAttachment attach(DmaBuf buffer) {
        return Setup.require(buffer.attach(Importer.peerToPeerCapable()), "attach");
    }

    private static void command(VfioDevice vfio, int value) {
        Setup.require(vfio.config().write(ConfigRegister.COMMAND, value), "write the Command register");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-06")
    void clearingMemoryDecodeRevokesEveryDmaBufOnce(Sut sut) {
        VfioDevice vfio = sut.vfio(sut.pf0());
        List<DmaBufAttachment> attachments = List.of(attach(export(vfio, 0)), attach(export(vfio, 1)));

        command(vfio, 0);
        Await.until(() -> attachments.stream().allMatch(a -> a.moveNotifications() >= 1));

        assertThat("move notifications per dma-buf after clearing MSE",
                attachments.stream().map(DmaBufAttachment::moveNotifications).toList()).is(List.of(1L, 1L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-07")
    void clearingMemoryDecodeZapsMmaps(Sut sut) {
        VfioDevice vfio = sut.vfio(sut.pf0());
        Mmap mmap = Setup.require(vfio.mmap(0, 0, 4096), "mmap BAR0");

        command(vfio, 0);

        assertThat("BAR0 mmap zapped after clearing MSE", mmap.isZapped()).is(true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-08")
    void settingMemoryDecodeAgainRestoresTheDmaBufs(Sut sut) {
        VfioDevice vfio = sut.vfio(sut.pf0());
        DmaBuf buffer = export(vfio, 0);
        command(vfio, 0);

        command(vfio, ConfigRegister.COMMAND_MEMORY_SPACE);

        assertThat(buffer).as("dma-buf after MSE was set again").isActive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-09")
    void aResetRevokesBeforeAndRestoresAfter(Sut sut) {
        VfioDevice vfio = sut.vfio(sut.pf0());
        DmaBuf buffer = export(vfio, 0);
        DmaBufAttachment attachment = attach(buffer);

        Setup.require(vfio.reset(), "VFIO_DEVICE_RESET");
        Await.until(() -> attachment.moveNotifications() >= 2);

        assertThat("move notifications across a reset", attachment.moveNotifications()).is(2L);
        assertThat(buffer).as("dma-buf after the reset").isActive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-19")
    void aDmaBufExportedWithDecodeOffIsRevoked(Sut sut) {
        VfioDevice vfio = sut.vfio(sut.pf0());
        command(vfio, 0);

        assertThat(export(vfio, 0)).as("dma-buf exported with MSE clear").isRevoked();
    }
}
