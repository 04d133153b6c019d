package io.tsmtck.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tsmtck.api.idekm.IdeKmCodec;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.SocketFrame;
import io.tsmtck.api.spdm.VendorDefinedMessage;
import io.tsmtck.api.tdisp.InterfaceReport;
import io.tsmtck.api.tdisp.TdispCodec;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.ReservedPolicy;
import java.util.function.Function;

/**
 * Coverage-guided fuzzing of every decoder (Jazzer). In a normal build each method replays its
 * regression inputs ({@code src/test/resources/io/tsmtck/api/fuzz/CodecFuzzTestInputs/<method>/});
 * with {@code JAZZER_FUZZ=1} one method fuzzes (see docs/contributing.md, "Fuzzing"). The properties: no
 * decoder throws, whatever the bytes; what decodes under REJECT re-encodes to exactly the input;
 * what decodes under IGNORE re-encodes to bytes that decode under REJECT to the same message.
 */
class CodecFuzzTest {

    private static <T> void check(byte[] data, Function<ReservedPolicy, Function<ByteString, DecodeResult<T>>> decoder,
                                  Function<T, ByteString> encoder) {
        ByteString input = ByteString.of(data);
        DecodeResult<T> strict = decoder.apply(ReservedPolicy.REJECT).apply(input);
        strict.asOptional().ifPresent(message -> assertThat(encoder.apply(message)).as("re-encoded").isEqualTo(input));
        decoder.apply(ReservedPolicy.IGNORE).apply(input).asOptional().ifPresent(message -> {
            ByteString canonical = encoder.apply(message);
            assertThat(decoder.apply(ReservedPolicy.REJECT).apply(canonical).asOptional()).as("canonical form")
                    .contains(message);
        });
    }

    @FuzzTest(maxDuration = "2m")
    void tdisp(byte[] data) {
        check(data, policy -> bytes -> TdispCodec.decode(bytes, policy), message -> message.encode());
    }

    @FuzzTest(maxDuration = "2m")
    void ideKm(byte[] data) {
        check(data, policy -> bytes -> IdeKmCodec.decode(bytes, policy), message -> message.encode());
    }

    @FuzzTest(maxDuration = "2m")
    void interfaceReport(byte[] data) {
        check(data, policy -> bytes -> InterfaceReport.decode(bytes, policy), InterfaceReport::encode);
    }

    @FuzzTest(maxDuration = "2m")
    void carriers(byte[] data) {
        ByteString input = ByteString.of(data);
        VendorDefinedMessage.decode(input).asOptional()
                .ifPresent(message -> assertThat(message.encode()).as("VENDOR_DEFINED re-encoded").isEqualTo(input));
        DoeObject.decode(input).asOptional()
                .ifPresent(object -> assertThat(object.encode()).as("DOE object re-encoded").isEqualTo(input));
        SocketFrame.decode(input).asOptional()
                .ifPresent(frame -> assertThat(frame.encode()).as("socket frame re-encoded").isEqualTo(input));
    }
}
