package io.tsmtck.api.tdisp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The TDISP test vectors (FUNCTION_ID 0xBEEF), byte for byte in both directions. */
class TdispVectorsTest {

    private static final TdispHeader BEEF = TdispHeader.v10(InterfaceId.of(0xBEEF));

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("GET_TDISP_VERSION", HeaderOnlyMessage.getVersion(BEEF),
                        "10 81 00 00 ef be 00 00 00 00 00 00 00 00 00 00"),
                Arguments.of("TDISP_VERSION (1.0 only)", new TdispVersionResponse(BEEF, List.of(0x10)),
                        "10 01 00 00 ef be 00 00 00 00 00 00 00 00 00 00 01 10"),
                Arguments.of("GET_TDISP_CAPABILITIES", new GetTdispCapabilities(BEEF, 0),
                        "10 82 00 00 ef be 00 00 00 00 00 00 00 00 00 00 00 00 00 00"),
                Arguments.of("LOCK_INTERFACE_REQUEST flags 0x0007, stream 0, offset 0xD0000000",
                        new LockInterfaceRequest(BEEF, 0x0007, 0, 0xD000_0000L, 0),
                        "10 83 00 00 ef be 00 00 00 00 00 00 00 00 00 00 07 00 00 00 00 00 00 d0 00 00 00 00"
                                + " 00 00 00 00 00 00 00 00"),
                Arguments.of("GET_DEVICE_INTERFACE_REPORT offset 0 length 0x40",
                        new GetDeviceInterfaceReport(BEEF, 0, 0x40),
                        "10 84 00 00 ef be 00 00 00 00 00 00 00 00 00 00 00 00 40 00"),
                Arguments.of("GET_DEVICE_INTERFACE_STATE", HeaderOnlyMessage.getState(BEEF),
                        "10 85 00 00 ef be 00 00 00 00 00 00 00 00 00 00"),
                Arguments.of("DEVICE_INTERFACE_STATE in CONFIG_LOCKED",
                        new DeviceInterfaceStateResponse(BEEF, TdiState.CONFIG_LOCKED),
                        "10 05 00 00 ef be 00 00 00 00 00 00 00 00 00 00 01"),
                Arguments.of("STOP_INTERFACE_REQUEST", HeaderOnlyMessage.stop(BEEF),
                        "10 87 00 00 ef be 00 00 00 00 00 00 00 00 00 00"),
                Arguments.of("STOP_INTERFACE_RESPONSE",
                        new HeaderOnlyMessage(MessageType.STOP_INTERFACE_RESPONSE, BEEF),
                        "10 07 00 00 ef be 00 00 00 00 00 00 00 00 00 00"),
                Arguments.of("TDISP_ERROR INVALID_NONCE", TdispError.of(BEEF, TdispErrorCode.INVALID_NONCE, 0),
                        "10 7f 00 00 ef be 00 00 00 00 00 00 00 00 00 00 02 01 00 00 00 00 00 00"),
                Arguments.of("TDISP_ERROR UNSUPPORTED_REQUEST for 0x88",
                        TdispError.of(BEEF, TdispErrorCode.UNSUPPORTED_REQUEST, 0x88),
                        "10 7f 00 00 ef be 00 00 00 00 00 00 00 00 00 00 07 00 00 00 88 00 00 00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encodesTheVectorByteForByte(String name, TdispMessage message, String hex) {
        assertThat(message.encode()).as(name).isEqualTo(ByteString.ofHex(hex));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodesTheVectorToTheMessage(String name, TdispMessage message, String hex) {
        assertThat(TdispCodec.decode(ByteString.ofHex(hex))).as(name).isEqualTo(DecodeResult.decoded(message));
    }
}
