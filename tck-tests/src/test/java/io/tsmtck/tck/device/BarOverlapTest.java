package io.tsmtck.tck.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsmtck.api.device.DeviceControl;
import io.tsmtck.api.device.DeviceEvent;
import io.tsmtck.api.topology.Bar;
import io.tsmtck.api.topology.FunctionRole;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.vfio.ConfigRegister;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * TDISP-44's BAR move, on a configuration space of 32-bit and 64-bit BARs: the moved BAR ends one
 * page into the other, whichever moves, and a 64-bit BAR's upper dword follows.
 */
class BarOverlapTest {

    private static final int MEM64 = 0b0100;
    private static final PciAddress FUNCTION = PciAddress.parse("0000:3b:00.0");

    /** The BAR registers of one function, as a rig reads and writes them. */
    private static final class Space implements DeviceControl {
        final Map<ConfigRegister, Integer> registers = new EnumMap<>(ConfigRegister.class);

        @Override
        public Set<Action> actions() {
            return Set.of(Action.CONFIG_ACCESS);
        }

        @Override
        public int readConfig(PciAddress function, ConfigRegister register) {
            return registers.getOrDefault(register, 0);
        }

        @Override
        public void writeConfig(PciAddress function, ConfigRegister register, int value) {
            registers.put(register, value);
        }

        @Override
        public void functionLevelReset(PciAddress function) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void inject(DeviceEvent event) {
            throw new UnsupportedOperationException();
        }
    }

    private static RigConfig config(Space space, List<Bar> bars) {
        return new RigConfig(space, new PciFunction(FUNCTION, FunctionRole.DSM, FUNCTION, bars));
    }

    @Test
    void twoThirtyTwoBitBarsEitherWay() {
        Space space = new Space();
        space.registers.put(ConfigRegister.BAR0, 0xE000_0000);
        space.registers.put(ConfigRegister.BAR1, 0xE010_0008); // prefetchable, 32-bit
        Bar bar0 = new Bar(0, 1 << 20);
        Bar bar1 = new Bar(1, 4096);
        RigConfig config = config(space, List.of(bar0, bar1));

        assertThat(BarOverlap.move(config, bar1, bar0)).contains("BAR1 (32-bit) moved to 0xE0001000");
        assertThat(space.registers.get(ConfigRegister.BAR1)).isEqualTo(0xE000_1008);
        assertThat(BarOverlap.move(config, bar0, bar1)).contains("BAR0 (32-bit) moved to 0xE0002000");
        assertThat(space.registers.get(ConfigRegister.BAR0)).isEqualTo(0xE000_2000);
    }

    @Test
    void aSixtyFourBitBar0IsFollowedByBar2AndMovesItsUpperDword() {
        Space space = new Space();
        space.registers.put(ConfigRegister.BAR0, 0x0000_0000 | MEM64);
        space.registers.put(ConfigRegister.BAR1, 0x0000_0038); // BAR0 at 0x38_0000_0000
        space.registers.put(ConfigRegister.BAR2, 0x8000_0000 | MEM64);
        space.registers.put(ConfigRegister.BAR3, 0x0000_0039);
        Bar bar0 = new Bar(0, 1 << 20);
        Bar bar2 = new Bar(2, 1 << 16);
        RigConfig config = config(space, List.of(bar0, bar2));

        assertThat(BarOverlap.move(config, bar2, bar0)).contains("BAR2 (64-bit) moved to 0x3800001000")
                .contains("into BAR0 (64-bit)");
        assertThat(space.registers.get(ConfigRegister.BAR2)).isEqualTo(0x0000_1000 | MEM64);
        assertThat(space.registers.get(ConfigRegister.BAR3)).isEqualTo(0x38);
        assertThat(space.registers.get(ConfigRegister.BAR1)).as("BAR0's upper dword, untouched").isEqualTo(0x38);

        assertThat(BarOverlap.move(config, bar0, bar2)).contains("BAR0 (64-bit) moved to 0x3800002000");
        assertThat(space.registers.get(ConfigRegister.BAR0)).isEqualTo(0x0000_2000 | MEM64);
        assertThat(space.registers.get(ConfigRegister.BAR1)).isEqualTo(0x38);
    }

    @Test
    void aThirtyTwoBitBarCannotReachOneAboveFourGib() {
        Space space = new Space();
        space.registers.put(ConfigRegister.BAR0, MEM64);
        space.registers.put(ConfigRegister.BAR1, 0x1);
        space.registers.put(ConfigRegister.BAR2, 0xE000_0000);
        RigConfig config = config(space, List.of(new Bar(0, 4096), new Bar(2, 4096)));

        assertThatThrownBy(() -> BarOverlap.move(config, new Bar(2, 4096), new Bar(0, 4096)))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("BAR2 is a 32-bit BAR");
        assertThat(space.registers.get(ConfigRegister.BAR2)).as("nothing written").isEqualTo(0xE000_0000);
    }
}
