package io.tsmtck.tck.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsmtck.api.topology.Bar;
import io.tsmtck.api.topology.FunctionRole;
import io.tsmtck.api.topology.PciFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BAR sizes travel with the functions of a device reached over a socket. */
class FunctionListTest {

    @Test
    void barSizesFollowEachFunctionInAnyUnitAndOrder() {
        List<PciFunction> functions = FunctionList.parse(List.of("0000:3b:00.0/bar2=0x4000/bar0=1M",
                "0000:3b:00.1/BAR0=64k", "0000:3b:02.0"), "tsm-tck.functions");

        assertThat(functions).extracting(PciFunction::role)
                .containsExactly(FunctionRole.DSM, FunctionRole.PF, FunctionRole.VF);
        assertThat(functions.get(0).bars()).containsExactly(new Bar(0, 1 << 20), new Bar(2, 0x4000));
        assertThat(functions.get(1).bars()).containsExactly(new Bar(0, 64 << 10));
        assertThat(functions.get(2).bars()).isEmpty();
    }

    @Test
    void aBadSizeOrSpecSaysHowToWriteIt() {
        assertThatThrownBy(() -> FunctionList.parse(List.of("0000:3b:00.0/bar0=3000"), "tsm-tck.functions"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'bar0=3000' of '0000:3b:00.0/bar0=3000' in tsm-tck.functions")
                .hasMessageContaining("power of two").hasMessageEndingWith("(e.g. 0000:3b:00.0/bar0=1M/bar2=16K,"
                        + "0000:3b:00.1)");
        assertThatThrownBy(() -> FunctionList.parse(List.of("0000:3b:00.0/size=1M"), "tsm-tck.functions"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not barN=SIZE");
        assertThatThrownBy(() -> FunctionList.parse(List.of("0000:3b:00.0/bar9=1M"), "tsm-tck.functions"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BAR index is 0..5");
    }
}
