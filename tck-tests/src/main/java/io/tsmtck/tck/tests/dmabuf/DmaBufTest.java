package io.tsmtck.tck.tests.dmabuf;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.Capability;
import io.tsmtck.api.dmabuf.DmaBuf;
import io.tsmtck.api.dmabuf.DmaBufAttachment;
import io.tsmtck.api.dmabuf.Importer;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.vfio.ConfigRegister;
import io.tsmtck.api.vfio.DmaBufRequest;
import io.tsmtck.api.vfio.VfioDevice;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.host.HostSut;
import io.tsmtck.tck.host.Importers;
import io.tsmtck.tck.host.Suts;
import io.tsmtck.tck.setup.Await;
import io.tsmtck.tck.setup.Setup;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** MMIO dma-bufs as importers see them (vfio_pci_dmabuf.c, dma-buf.c). */
@Tag("area-dmabuf")
class DmaBufTest {

    private static DmaBuf export(VfioDevice vfio) {
        return Setup.require(vfio.exportDmaBuf(DmaBufRequest.of(0, 0, 8192)), "export BAR0");
    }

    private static void revokeByClearingDecode(VfioDevice vfio) {
        Setup.require(vfio.config().write(ConfigRegister.COMMAND, 0), "clear Memory Space Enable");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("DMABUF-01")
    void anImporterWithoutPeerToPeerCannotAttach(HostSut sut) {
        sut.require(Capability.NON_P2P_IMPORTER);
        DmaBuf buffer = export(sut.vfio(sut.pf0()));

        assertThat(buffer.attach(new Importer(false))).isRefusedWith(Errno.EOPNOTSUPP);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("DMABUF-02")
    void aRevokedBufferCannotBeMapped(HostSut sut) {
        VfioDevice vfio = sut.vfio(sut.pf0());
        DmaBufAttachment attachment = Setup.require(export(vfio).attach(Importer.peerToPeerCapable()), "attach");
        revokeByClearingDecode(vfio);

        assertThat(attachment.map()).as("map while revoked").isRefusedWith(Errno.ENODEV);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("DMABUF-03")
    void aRevokedBufferCannotBeAttached(HostSut sut) {
        VfioDevice vfio = sut.vfio(sut.pf0());
        DmaBuf buffer = export(vfio);
        revokeByClearingDecode(vfio);

        assertThat(buffer.attach(Importer.peerToPeerCapable())).as("attach while revoked").isRefusedWith(Errno.ENODEV);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("DMABUF-04")
    void aRevokeNotifiesEveryAttachment(HostSut sut) {
        VfioDevice vfio = sut.vfio(sut.pf0());
        DmaBuf buffer = export(vfio);
        List<DmaBufAttachment> attachments = List.of(
                Setup.require(buffer.attach(Importer.peerToPeerCapable()), "first attach"),
                Setup.require(buffer.attach(Importer.peerToPeerCapable()), "second attach"));
        attachments.forEach(attachment -> Setup.require(attachment.map(), "map"));

        revokeByClearingDecode(vfio);
        Await.until(() -> attachments.stream().noneMatch(a -> Importers.isMapped(sut, a)));

        assertThat("each importer's mapping after the revoke",
                attachments.stream().map(a -> Importers.isMapped(sut, a)).toList()).is(List.of(false, false));
    }
}
