package io.tsmtck.tck.tests.tdisp;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.tdisp.LockFlag;
import io.tsmtck.api.tdisp.LockInterfaceRequest;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tdisp.TdispErrorCode;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.vfio.ConfigRegister;
import io.tsmtck.tck.support.DeviceCases;
import io.tsmtck.tck.support.Must;
import io.tsmtck.tck.support.DeviceSut;
import io.tsmtck.tck.support.RigConfig;
import io.tsmtck.tck.support.TdispClient;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What LOCK_INTERFACE_REQUEST checks before it locks (PCIe Base 6.x table 11-12). */
@Tag("area-tdisp")
class LockTest {

    static Stream<Arguments> everyFunction() {
        return DeviceCases.functions(DeviceCases.WITH_SUBFUNCTIONS);
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Must("TDISP-14")
    void lockNamingAStreamWithoutKeysIsInvalidRequest(DeviceSut sut, int fn) {
        PciFunction function = sut.connect().function(fn);
        TdispClient tdisp = sut.tdisp(function);
        int keyless = (tdisp.defaultStream() + 0x40) & 0xFF;

        assertThat(tdisp.send(new LockInterfaceRequest(tdisp.header(), LockFlag.NO_FW_UPDATE.mask(), keyless, 0, 0)))
                .as("LOCK with DEFAULT_STREAM_ID %d, which has no keys", keyless)
                .isError(TdispErrorCode.INVALID_REQUEST);
        assertThat(sut, function).isInState(TdiState.CONFIG_UNLOCKED);
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Must("TDISP-44")
    void lockWithOverlappingBarsIsInvalidDeviceConfiguration(DeviceSut sut, int fn) {
        PciFunction function = sut.connect().function(fn);
        RigConfig config = sut.config(function);
        config.write(ConfigRegister.BAR1, config.read(ConfigRegister.BAR0));
        TdispClient tdisp = sut.tdisp(function);

        assertThat(tdisp.send(new LockInterfaceRequest(tdisp.header(), LockFlag.NO_FW_UPDATE.mask(),
                tdisp.defaultStream(), 0, 0))).as("LOCK with BAR1 overlapping BAR0")
                .isError(TdispErrorCode.INVALID_DEVICE_CONFIGURATION);
    }
}
