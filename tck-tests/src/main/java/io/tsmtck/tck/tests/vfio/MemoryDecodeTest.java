package io.tsmtck.tck.tests.vfio;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.Capability;
import io.tsmtck.api.HostStack;
import io.tsmtck.api.dmabuf.DmaBuf;
import io.tsmtck.api.dmabuf.DmaBufAttachment;
import io.tsmtck.api.dmabuf.Importer;
import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.pci.PciResetMethod;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.vfio.ConfigRegister;
import io.tsmtck.api.vfio.DmaBufRequest;
import io.tsmtck.api.vfio.Mmap;
import io.tsmtck.api.vfio.VfioDevice;
import io.tsmtck.tck.binding.Applicability;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.host.HostSut;
import io.tsmtck.tck.host.Importers;
import io.tsmtck.tck.host.Suts;
import io.tsmtck.tck.setup.Await;
import io.tsmtck.tck.setup.Setup;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Memory decode, resets and MMIO access (vfio_pci_core.c, vfio_pci_dmabuf.c). */
@Tag("area-vfio")
class MemoryDecodeTest {

    private static DmaBuf export(VfioDevice vfio, int bar) {
        return Setup.require(vfio.exportDmaBuf(DmaBufRequest.of(bar, 0, 4096)), "export BAR" + bar);
    }

    /** A peer-to-peer importer's attachment, mapped. */
    private static DmaBufAttachment mapped(DmaBuf buffer) {
        DmaBufAttachment attachment = Setup.require(buffer.attach(Importer.peerToPeerCapable()), "attach");
        Setup.require(attachment.map(), "map");
        return attachment;
    }

    private static List<Boolean> stillMapped(HostSut sut, List<DmaBufAttachment> attachments) {
        return attachments.stream().map(a -> Importers.isMapped(sut, a)).toList();
    }

    private static void command(VfioDevice vfio, int value) {
        Setup.require(vfio.config().write(ConfigRegister.COMMAND, value), "write the Command register");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-06")
    void clearingMemoryDecodeRevokesEveryDmaBuf(HostSut sut) {
        VfioDevice vfio = sut.vfio(sut.pf0());
        List<DmaBufAttachment> attachments = List.of(mapped(export(vfio, 0)), mapped(export(vfio, 1)));

        command(vfio, 0);
        Await.until(() -> attachments.stream().noneMatch(a -> Importers.isMapped(sut, a)));

        assertThat("importers' mappings of the BAR0 and BAR1 dma-bufs after clearing MSE", stillMapped(sut, attachments))
                .is(List.of(false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-07")
    void clearingMemoryDecodeZapsMmaps(HostSut sut) {
        VfioDevice vfio = sut.vfio(sut.pf0());
        Mmap mmap = Setup.require(vfio.mmap(0, 0, 4096), "mmap BAR0");
        Setup.require(mmap.access(), "a CPU access through the BAR0 mmap with memory decode on");

        command(vfio, 0);

        assertThat(mmap.access()).as("a CPU access through the BAR0 mmap after clearing MSE")
                .isRefusedWith(Errno.EFAULT);

        command(vfio, ConfigRegister.COMMAND_MEMORY_SPACE);

        assertThat(mmap.access()).as("a CPU access through the BAR0 mmap once MSE is set again").succeeded();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-07")
    void anMmapMadeWithDecodeOffFaultsUntilDecodeIsOn(HostSut sut) {
        VfioDevice vfio = sut.vfio(sut.pf0());
        command(vfio, 0);
        Mmap mmap = Setup.require(vfio.mmap(0, 0, 4096), "mmap BAR0 with MSE clear");

        assertThat(mmap.access()).as("a CPU access through a BAR0 mmap made while MSE is clear")
                .isRefusedWith(Errno.EFAULT);

        command(vfio, ConfigRegister.COMMAND_MEMORY_SPACE);

        assertThat(mmap.access()).as("a CPU access through that mmap once MSE is set").succeeded();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-08")
    void settingMemoryDecodeAgainRestoresTheDmaBufs(HostSut sut) {
        VfioDevice vfio = sut.vfio(sut.pf0());
        DmaBuf buffer = export(vfio, 0);
        command(vfio, 0);

        command(vfio, ConfigRegister.COMMAND_MEMORY_SPACE);

        assertThat(buffer).as("dma-buf after MSE was set again").isActive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-09")
    void aResetRevokesBeforeAndRestoresAfter(HostSut sut) {
        revokedAcrossAndRestoredAfter(sut, "VFIO_DEVICE_RESET", VfioDevice::reset);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-30")
    void aHotResetRevokesBeforeAndRestoresAfter(HostSut sut) {
        revokedAcrossAndRestoredAfter(sut, "VFIO_DEVICE_PCI_HOT_RESET", VfioDevice::hotReset);
    }

    /**
     * PF0 with a mapped BAR0 dma-buf and a BAR1 mmap goes through {@code reset}: the importer's mapping is
     * taken away across it, the buffer is active after it, and the mmap is usable after it.
     */
    private static void revokedAcrossAndRestoredAfter(HostSut sut, String reset,
                                                      Function<VfioDevice, Result<Done>> resetting) {
        VfioDevice vfio = sut.vfio(sut.pf0());
        DmaBuf buffer = export(vfio, 0);
        DmaBufAttachment attachment = mapped(buffer);
        Mmap mmap = Setup.require(vfio.mmap(1, 0, 4096), "mmap BAR1");

        Setup.require(resetting.apply(vfio), reset);
        Await.until(() -> !Importers.isMapped(sut, attachment));

        assertThat(sut, attachment).as("across %s (revoked before it)", reset).isUnmapped();
        assertThat(buffer).as("dma-buf after %s", reset).isActive();
        assertThat(mmap.access()).as("a CPU access through the BAR1 mmap after %s", reset).succeeded();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-29")
    void initiateFlrWrittenToDeviceControlResetsAsVfioDeviceResetDoes(HostSut sut) {
        VfioDevice vfio = sut.vfio(sut.pf0());
        PciAddress pf0 = sut.pf0().address();
        int capabilities = vfio.config().read(ConfigRegister.DEVICE_CAPABILITIES);
        boolean flrListed = sut.hookIfDeclared(Capability.RESET_METHOD, HostStack::resetMethod)
                .flatMap(methods -> methods.methods(pf0).asOptional()).filter(m -> m.contains("flr")).isPresent();
        if (flrListed) {
            assertThat(String.format("FLR capability (bit 28) in Device Capabilities 0x%08X, read through the VFIO"
                    + " config region of %s, whose reset_method lists flr", capabilities, pf0),
                    (capabilities & ConfigRegister.DEVICE_CAPABILITIES_FLR) != 0).is(true);
        }
        Applicability.requireFlr(pf0, capabilities);
        DmaBuf buffer = export(vfio, 0);
        DmaBufAttachment attachment = mapped(buffer);
        Mmap mmap = Setup.require(vfio.mmap(1, 0, 4096), "mmap BAR1");
        int control = vfio.config().read(ConfigRegister.DEVICE_CONTROL);
        Setup.require(vfio.config().write(ConfigRegister.DEVICE_CONTROL, control),
                "write Device Control's own value");
        assertThat(sut, attachment).as("after a Device Control write without Initiate FLR (0x"
                + Integer.toHexString(control) + ")").isMapped();

        Setup.require(vfio.config().write(ConfigRegister.DEVICE_CONTROL,
                control | ConfigRegister.DEVICE_CONTROL_INITIATE_FLR), "write Initiate FLR to Device Control");
        Await.until(() -> !Importers.isMapped(sut, attachment));

        assertThat(sut, attachment).as("across an FLR written to Device Control (revoked before it)").isUnmapped();
        assertThat(buffer).as("dma-buf after the FLR written to Device Control").isActive();
        assertThat(mmap.access()).as("a CPU access through the BAR1 mmap after the FLR").succeeded();
        int after = vfio.config().read(ConfigRegister.DEVICE_CONTROL);
        assertThat(String.format("Initiate FLR in Device Control read after the FLR (Device Control was 0x%04X,"
                + " now 0x%04X)", control, after), after & ConfigRegister.DEVICE_CONTROL_INITIATE_FLR).is(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-23")
    void lowPowerRevokesTheDmaBufsAndZapsTheMmapsUntilItEnds(HostSut sut) {
        VfioDevice vfio = sut.vfio(sut.pf0());
        DmaBuf buffer = export(vfio, 0);
        DmaBufAttachment attachment = mapped(buffer);
        Mmap mmap = Setup.require(vfio.mmap(1, 0, 4096), "mmap BAR1");

        Setup.require(vfio.lowPowerEntry(), "VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY");
        Await.until(() -> !Importers.isMapped(sut, attachment));

        assertThat(sut, attachment).as("in low power").isUnmapped();
        assertThat(buffer).as("dma-buf in low power").isRevoked();
        assertThat(mmap.access()).as("a CPU access through the BAR1 mmap in low power").isRefusedWith(Errno.EFAULT);

        Setup.require(vfio.lowPowerExit(), "VFIO_DEVICE_FEATURE_LOW_POWER_EXIT");

        assertThat(buffer).as("dma-buf after low power, memory decode on").isActive();
        assertThat(mmap.access()).as("a CPU access through the BAR1 mmap after low power").succeeded();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-23")
    void leavingLowPowerWithDecodeOffRestoresNothingUntilDecodeIsOn(HostSut sut) {
        VfioDevice vfio = sut.vfio(sut.pf0());
        DmaBuf buffer = export(vfio, 0);
        Mmap mmap = Setup.require(vfio.mmap(1, 0, 4096), "mmap BAR1");
        command(vfio, 0);
        Setup.require(vfio.lowPowerEntry(), "VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY");

        Setup.require(vfio.lowPowerExit(), "VFIO_DEVICE_FEATURE_LOW_POWER_EXIT");

        assertThat(buffer).as("dma-buf after low power, memory decode off").isRevoked();
        assertThat(mmap.access()).as("a CPU access through the BAR1 mmap after low power, memory decode off")
                .isRefusedWith(Errno.EFAULT);

        command(vfio, ConfigRegister.COMMAND_MEMORY_SPACE);

        assertThat(buffer).as("dma-buf once MSE is set after low power").isActive();
        assertThat(mmap.access()).as("a CPU access through the BAR1 mmap once MSE is set after low power")
                .succeeded();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-19")
    void aDmaBufExportedWithDecodeOffIsRevoked(HostSut sut) {
        VfioDevice vfio = sut.vfio(sut.pf0());
        command(vfio, 0);

        assertThat(export(vfio, 0)).as("dma-buf exported with MSE clear").isRevoked();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("VFIO-24")
    void withoutAResetMethodResetIsRefusedAndChangesNothing(HostSut sut) {
        PciResetMethod resetMethod = sut.hook(Capability.RESET_METHOD, HostStack::resetMethod);
        PciAddress pf0 = sut.pf0().address();
        Setup.require(resetMethod.set(pf0, List.of()), "write \"\" to reset_method of " + pf0);
        VfioDevice vfio;
        try {
            vfio = sut.vfio(sut.pf0());
            DmaBuf buffer = export(vfio, 0);
            DmaBufAttachment attachment = mapped(buffer);
            Mmap mmap = Setup.require(vfio.mmap(1, 0, 4096), "mmap BAR1");

            assertThat(vfio.reset()).as("VFIO_DEVICE_RESET of %s with every reset method disabled", pf0)
                    .isRefusedWith(Errno.EINVAL);

            assertThat(sut, attachment).as("after the refused reset").isMapped();
            assertThat(buffer).as("dma-buf after the refused reset").isActive();
            assertThat(mmap.access()).as("a CPU access through the BAR1 mmap after the refused reset").succeeded();
        } finally {
            Setup.require(resetMethod.restoreDefault(pf0), "write \"default\" to reset_method of " + pf0);
        }

        vfio.close();
        VfioDevice again = sut.bind(sut.openCdev(sut.pf0()), sut.stack().openIommufd(), sut.pf0());
        assertThat(again.reset()).as("VFIO_DEVICE_RESET of %s opened again with its default reset methods", pf0)
                .succeeded();
    }
}
