package io.tsmtck.api.tdisp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeError;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.api.wire.TestSeed;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every message type survives encode -> decode, and damaged bytes give typed errors. */
class TdispRoundTripTest {

    private static final int SAMPLES_PER_TYPE = 200;

    /** Types whose last field runs to the end of the message, so an extra byte is part of it. */
    private static final EnumSet<MessageType> OPEN_ENDED = EnumSet.of(MessageType.VDM_REQUEST,
            MessageType.VDM_RESPONSE);

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void everyGeneratedMessageDecodesToItself(MessageType type) {
        RandomMessages messages = new RandomMessages(TestSeed.random("round trip " + type));
        for (int i = 0; i < SAMPLES_PER_TYPE; i++) {
            TdispMessage message = messages.of(type);
            assertThat(TdispCodec.decode(message.encode())).as("%s", message)
                    .isEqualTo(DecodeResult.decoded(message));
        }
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void everyTruncationIsATypedTruncatedError(MessageType type) {
        RandomMessages messages = new RandomMessages(TestSeed.random("truncation " + type));
        TdispMessage message = messages.of(type);
        ByteString bytes = message.encode();
        for (int length = 0; length < bytes.size(); length++) {
            DecodeResult<TdispMessage> result = TdispCodec.decode(ByteString.copyOf(bytes.toByteArray(), 0, length));
            if (OPEN_ENDED.contains(type) && length >= TdispHeader.LENGTH + 2) {
                continue; // a shorter VDM is another well-formed VDM, unless its vendor id is cut
            }
            assertThat(result).as("%s cut to %d bytes", type, length).isInstanceOf(DecodeResult.Malformed.class);
            assertThat(result.failure().orElseThrow().reason())
                    .as("%s cut to %d bytes", type, length)
                    .isIn(DecodeError.Reason.TRUNCATED, DecodeError.Reason.INVALID_VALUE);
        }
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void aTrailingByteIsAnOversizedError(MessageType type) {
        RandomMessages messages = new RandomMessages(TestSeed.random("oversize " + type));
        ByteString bytes = messages.of(type).encode();
        ByteString longer = ByteString.ofHex(bytes.hex() + "00");

        DecodeResult<TdispMessage> result = TdispCodec.decode(longer);

        if (OPEN_ENDED.contains(type)) {
            assertThat(result.isDecoded()).isTrue();
        } else {
            assertThat(result).isInstanceOf(DecodeResult.Malformed.class);
            DecodeError error = result.failure().orElseThrow();
            assertThat(error.reason()).isEqualTo(DecodeError.Reason.OVERSIZED);
            assertThat(error.message()).isEqualTo(type.name());
        }
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = TestSeed.random("random bytes");
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(80)];
            random.nextBytes(bytes);
            if (bytes.length > 1 && random.nextBoolean()) {
                bytes[1] = (byte) MessageType.values()[random.nextInt(MessageType.values().length)].code();
            }
            for (ReservedPolicy policy : ReservedPolicy.values()) {
                assertThat(TdispCodec.decode(ByteString.of(bytes), policy)).isNotNull();
            }
        }
    }

    @Test
    void interfaceReportsDecodeToThemselves() {
        RandomMessages messages = new RandomMessages(TestSeed.random("interface report"));
        for (int i = 0; i < SAMPLES_PER_TYPE; i++) {
            InterfaceReport report = messages.report();
            assertThat(InterfaceReport.decode(report.encode(), ReservedPolicy.REJECT))
                    .isEqualTo(DecodeResult.decoded(report));
        }
    }
}
