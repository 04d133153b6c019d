package io.tsmtck.tck.tests.tdisp;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tdisp.TdispErrorCode;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.wire.ByteEditor;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.device.DeviceCases;
import io.tsmtck.tck.device.DeviceSut;
import io.tsmtck.tck.device.TdispClient;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** START_INTERFACE_NONCE: issued at LOCK, checked at START, single use (PCIe Base 6.x §11.3.9, §11.3.12). */
@Tag("area-tdisp")
class NonceTest {

    static Stream<Arguments> everyFunction() {
        return DeviceCases.functions(DeviceCases.WITH_SUBFUNCTIONS);
    }

    /** The nonce with byte {@code index} flipped. */
    private static ByteString wrong(ByteString nonce, int index) {
        return ByteEditor.of(nonce).xor(index, 0x01).toByteString();
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Must("TDISP-04")
    void startWithAWrongNonceIsInvalidNonceAndStaysLocked(DeviceSut sut, int fn) {
        PciFunction function = sut.connect().function(fn);
        TdispClient tdisp = sut.tdisp(function);
        ByteString nonce = tdisp.lock();

        for (int index = 0; index < nonce.size(); index++) {
            assertThat(tdisp.start(wrong(nonce, index))).as("START with byte %d of the nonce changed", index)
                    .isError(TdispErrorCode.INVALID_NONCE);
        }
        assertThat(sut, function).as("after STARTs with wrong nonces").isInState(TdiState.CONFIG_LOCKED);
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Must("TDISP-05")
    void startWithTheLockNonceMovesToRun(DeviceSut sut, int fn) {
        PciFunction function = sut.connect().function(fn);
        TdispClient tdisp = sut.tdisp(function);
        ByteString nonce = tdisp.lock();

        assertThat(tdisp.start(nonce)).isResponse(MessageType.START_INTERFACE_RESPONSE);
        assertThat(sut, function).isInState(TdiState.RUN);
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Must("TDISP-06")
    void theNonceOfAnEarlierLockCycleIsInvalid(DeviceSut sut, int fn) {
        PciFunction function = sut.connect().function(fn);
        TdispClient tdisp = sut.tdisp(function);
        ByteString first = tdisp.lock();
        tdisp.send(HeaderOnlyMessage.stop(tdisp.header()));
        tdisp.lock();

        assertThat(tdisp.start(first)).as("START with the nonce of the previous lock")
                .isError(TdispErrorCode.INVALID_NONCE);
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Must("TDISP-07")
    void aFailedStartLeavesTheNonceForARetry(DeviceSut sut, int fn) {
        PciFunction function = sut.connect().function(fn);
        TdispClient tdisp = sut.tdisp(function);
        ByteString nonce = tdisp.lock();
        tdisp.start(wrong(nonce, nonce.size() - 1));

        assertThat(tdisp.start(nonce)).as("retry with the right nonce").isResponse(MessageType.START_INTERFACE_RESPONSE);
        assertThat(sut, function).isInState(TdiState.RUN);
    }
}
