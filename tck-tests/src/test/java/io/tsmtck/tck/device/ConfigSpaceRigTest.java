package io.tsmtck.tck.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsmtck.api.device.PciConfigAccess;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.vfio.ConfigRegister;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rig finds every register by name in a function's configuration space (header, PCI Express and
 * MSI-X capabilities found by walking the list), writes exactly the register asked for, never writes
 * back the write-1-to-clear status bits beside it, and resets a function that can be reset.
 */
class ConfigSpaceRigTest {

    private static final PciAddress FUNCTION = new PciAddress(0, 0x3b, 0, 0);
    private static final int EXPRESS = 0x40;
    private static final int MSIX = 0x70;

    /** A function's configuration space: a type 0 header with PCIe (FLR-capable) and MSI-X capabilities. */
    private static final class Space implements PciConfigAccess {
        final int[] dwords = new int[SIZE / 4];
        int unreadyReads;

        Space(boolean withCapabilities, boolean flrCapable) {
            dwords[0] = 0x1234_8086;
            dwords[1] = (0xF900 | (withCapabilities ? 0x10 : 0)) << 16 | 0x0006; // error bits set in Status
            dwords[3] = 0x5A00_2010; // BIST, header type 0, latency 0x20, cache line 0x10
            dwords[0x34 / 4] = withCapabilities ? EXPRESS : 0;
            dwords[EXPRESS / 4] = 0x0002_7010;
            dwords[EXPRESS / 4 + 1] = flrCapable ? 1 << 28 : 0;
            dwords[EXPRESS / 4 + 2] = 0x000F_2810; // Device Status errors set, Device Control 0x2810
            dwords[EXPRESS / 4 + 4] = 0x1011_0040; // Link Status, Link Control
            dwords[MSIX / 4] = 0x003F_0011; // Message Control 0x003F, next 0, ID MSI-X
        }

        @Override
        public int read32(int offset) {
            if (offset == 0 && unreadyReads > 0) {
                unreadyReads--;
                return -1;
            }
            return dwords[offset / 4];
        }

        /** Status and Device Status, in the upper halves: read-only and write-1-to-clear bits, as hardware has them. */
        @Override
        public void write32(int offset, int value) {
            if (offset == 0x04 || offset == EXPRESS + 8) {
                int clearable = offset == 0x04 ? 0xF900 : 0x000F;
                int status = dwords[offset / 4] >>> 16 & ~(value >>> 16 & clearable);
                value = status << 16 | value & 0xFFFF;
            }
            dwords[offset / 4] = value;
            if (offset == EXPRESS + 8 && (value & ConfigRegister.DEVICE_CONTROL_INITIATE_FLR) != 0) {
                unreadyReads = 3;
                dwords[offset / 4] = value & ~ConfigRegister.DEVICE_CONTROL_INITIATE_FLR;
            }
        }
    }

    private static ConfigSpaceRig rig(Space space) {
        return new ConfigSpaceRig(Map.of(FUNCTION, space), Duration.ofSeconds(1));
    }

    @Test
    void everyRegisterIsReadWhereItIs() throws IOException {
        ConfigSpaceRig rig = rig(new Space(true, true));

        assertThat(rig.readConfig(FUNCTION, ConfigRegister.COMMAND)).isEqualTo(0x0006);
        assertThat(rig.readConfig(FUNCTION, ConfigRegister.STATUS)).isEqualTo(0xF910);
        assertThat(rig.readConfig(FUNCTION, ConfigRegister.CACHE_LINE_SIZE)).isEqualTo(0x10);
        assertThat(rig.readConfig(FUNCTION, ConfigRegister.BIST)).isEqualTo(0x5A);
        assertThat(rig.readConfig(FUNCTION, ConfigRegister.DEVICE_CAPABILITIES)).isEqualTo(1 << 28);
        assertThat(rig.readConfig(FUNCTION, ConfigRegister.DEVICE_CONTROL)).isEqualTo(0x2810);
        assertThat(rig.readConfig(FUNCTION, ConfigRegister.LINK_CONTROL)).isEqualTo(0x0040);
        assertThat(rig.readConfig(FUNCTION, ConfigRegister.MSIX_MESSAGE_CONTROL)).isEqualTo(0x003F);
    }

    @Test
    void aWriteChangesItsRegisterOnlyAndNeverClearsStatusBits() throws IOException {
        Space space = new Space(true, true);
        ConfigSpaceRig rig = rig(space);

        rig.writeConfig(FUNCTION, ConfigRegister.COMMAND, 0);
        rig.writeConfig(FUNCTION, ConfigRegister.DEVICE_CONTROL, 0x2811);
        rig.writeConfig(FUNCTION, ConfigRegister.MSIX_MESSAGE_CONTROL, 0x803F);
        rig.writeConfig(FUNCTION, ConfigRegister.CACHE_LINE_SIZE, 0x40);
        rig.writeConfig(FUNCTION, ConfigRegister.BAR2, 0xC000_0000);
        rig.writeConfig(FUNCTION, ConfigRegister.EXPANSION_ROM, 0xFFFF_F800);

        assertThat(space.dwords[1]).as("Command cleared, Status's write-1-to-clear error bits still set")
                .isEqualTo(0xF910_0000);
        assertThat(space.dwords[EXPRESS / 4 + 2]).as("Device Control written, Device Status's errors still set")
                .isEqualTo(0x000F_2811);
        assertThat(space.dwords[MSIX / 4]).as("Message Control beside the read-only ID and next").isEqualTo(0x803F_0011);
        assertThat(space.dwords[3]).as("cache line size beside latency, header type and BIST").isEqualTo(0x5A00_2040);
        assertThat(space.dwords[0x18 / 4]).isEqualTo(0xC000_0000);
        assertThat(space.dwords[0x30 / 4]).isEqualTo(0xFFFF_F800);
    }

    /**
     * The extended capabilities, walked from 0x100 in an order no offset table would guess: AER, then SR-IOV at
     * 0x300, ARI at 0x140, PASID at 0x200, Resizable BAR at 0x180; each control register is found where mainline's
     * pci_regs.h puts it in its capability, and one the function lacks is absent, not an error.
     */
    @Test
    void theExtendedCapabilitiesControlRegistersAreFoundByWalkingTheList() throws IOException {
        Space space = new Space(true, true);
        space.dwords[0x100 / 4] = 0x300 << 20 | 0x1 << 16 | 0x0001; // AER
        space.dwords[0x300 / 4] = 0x140 << 20 | 0x1 << 16 | 0x0010; // SR-IOV
        space.dwords[0x308 / 4] = 0x0000_0009; // SR-IOV Control
        space.dwords[0x140 / 4] = 0x200 << 20 | 0x1 << 16 | 0x000E; // ARI
        space.dwords[0x144 / 4] = 0x0011_0000; // ARI Control 0x0011 in the upper half
        space.dwords[0x200 / 4] = 0x180 << 20 | 0x1 << 16 | 0x001B; // PASID
        space.dwords[0x204 / 4] = 0x0001_1404; // PASID Control 0x0001 in the upper half
        space.dwords[0x180 / 4] = 0x1 << 16 | 0x0015; // Resizable BAR, the list's end
        space.dwords[0x188 / 4] = 0x0000_0220; // Resizable BAR Control
        ConfigSpaceRig rig = rig(space);

        assertThat(rig.readConfig(FUNCTION, ConfigRegister.SRIOV_CONTROL)).isEqualTo(0x0009);
        assertThat(rig.readConfig(FUNCTION, ConfigRegister.ARI_CONTROL)).isEqualTo(0x0011);
        assertThat(rig.readConfig(FUNCTION, ConfigRegister.PASID_CONTROL)).isEqualTo(0x0001);
        assertThat(rig.readConfig(FUNCTION, ConfigRegister.RESIZABLE_BAR_CONTROL)).isEqualTo(0x0220);
        rig.writeConfig(FUNCTION, ConfigRegister.PASID_CONTROL, 0);
        assertThat(space.dwords[0x204 / 4]).as("PASID Control cleared beside PASID Capability").isEqualTo(0x0000_1404);
        assertThat(rig.hasRegister(FUNCTION, ConfigRegister.PASID_CONTROL)).isTrue();

        space.dwords[0x200 / 4] = 0x180 << 20 | 0x1 << 16 | 0x0019; // the PASID capability replaced by another
        assertThat(rig.hasRegister(FUNCTION, ConfigRegister.PASID_CONTROL)).as("PASID Control without PASID").isFalse();
        assertThatThrownBy(() -> rig.readConfig(FUNCTION, ConfigRegister.PASID_CONTROL))
                .hasMessageContaining("has no PASID extended capability (ID 0x1b)");
        assertThat(rig.hasRegister(FUNCTION, ConfigRegister.DEVICE_CONTROL)).isTrue();

        space.dwords[0x140 / 4] = 0x100 << 20 | 0x1 << 16 | 0x000E; // ARI pointing back at AER
        assertThatThrownBy(() -> rig.hasRegister(FUNCTION, ConfigRegister.RESIZABLE_BAR_CONTROL))
                .hasMessageContaining("extended capability list is broken");
    }

    @Test
    void anFlrIsInitiatedAndWaitedFor() throws IOException {
        Space space = new Space(true, true);

        rig(space).functionLevelReset(FUNCTION);

        assertThat(space.unreadyReads).as("reads while the function was not ready").isZero();
        assertThat(space.dwords[EXPRESS / 4 + 2] & 0xFFFF).isEqualTo(0x2810);
    }

    @Test
    void whatTheFunctionDoesNotHaveIsRefusedNamingIt() {
        assertThatThrownBy(() -> rig(new Space(true, false)).functionLevelReset(FUNCTION))
                .hasMessageContaining("does not advertise Function Level Reset");
        assertThatThrownBy(() -> rig(new Space(false, true)).readConfig(FUNCTION, ConfigRegister.DEVICE_CONTROL))
                .hasMessageContaining("has no capability list").hasMessageContaining("PCI Express");
        assertThatThrownBy(() -> rig(new Space(true, true)).readConfig(new PciAddress(0, 0x3b, 0, 1),
                ConfigRegister.COMMAND)).hasMessageContaining("the rig has no configuration space for 0000:3b:00.1");
    }
}
