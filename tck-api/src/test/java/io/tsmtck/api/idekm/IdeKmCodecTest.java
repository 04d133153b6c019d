package io.tsmtck.api.idekm;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeError;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.api.wire.TestSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IDE_KM objects round-trip, and malformed ones give typed errors. */
class IdeKmCodecTest {

    private static List<IdeKmMessage> samples(Random random) {
        List<IdeKmMessage> messages = new ArrayList<>();
        for (KeySubStream.SubStream sub : KeySubStream.SubStream.values()) {
            for (KeySubStream.Direction direction : KeySubStream.Direction.values()) {
                KeySubStream kss = new KeySubStream(
                        random.nextBoolean() ? KeySubStream.KeySet.K0 : KeySubStream.KeySet.K1, direction, sub);
                int stream = random.nextInt(256);
                int port = random.nextInt(256);
                messages.add(new KeyProg(stream, kss, port, bytes(random, 32), bytes(random, 8)));
                messages.add(new KpAck(stream, KpAckStatus.values()[random.nextInt(5)], kss, port));
                messages.add(new KeySetCommand(IdeKmObjectId.K_SET_GO, stream, kss, port));
                messages.add(new KeySetCommand(IdeKmObjectId.K_SET_STOP, stream, kss, port));
                messages.add(new KeySetCommand(IdeKmObjectId.K_GOSTOP_ACK, stream, kss, port));
            }
        }
        messages.add(new IdeKmQuery(random.nextInt(256)));
        messages.add(new IdeKmQueryResponse(1, 2, 3, 4, 5, bytes(random, 4 * random.nextInt(20))));
        return messages;
    }

    private static ByteString bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return ByteString.of(bytes);
    }

    @Test
    void everyObjectDecodesToItselfAndEveryTruncationIsAnError() {
        for (IdeKmMessage message : samples(TestSeed.random("IDE_KM round trip"))) {
            ByteString bytes = IdeKmCodec.encode(message);
            assertThat(bytes).isEqualTo(message.encode());
            assertThat(IdeKmCodec.decode(bytes)).as("%s", message).isEqualTo(DecodeResult.decoded(message));
            int shortest = message instanceof IdeKmQueryResponse ? 7 : bytes.size();
            for (int length = 0; length < shortest; length++) {
                assertThat(IdeKmCodec.decode(ByteString.copyOf(bytes.toByteArray(), 0, length)).isDecoded())
                        .as("%s cut to %d", message, length).isFalse();
            }
        }
    }

    @Test
    void keyProgHasTheLayoutOfTheSpec() {
        KeySubStream txNpr = new KeySubStream(KeySubStream.KeySet.K1, KeySubStream.Direction.TX,
                KeySubStream.SubStream.NPR);
        ByteString key = ByteString.zeros(32);
        ByteString ifv = ByteString.zeros(8);

        ByteString bytes = new KeyProg(5, txNpr, 1, key, ifv).encode();

        assertThat(bytes.size()).as("object id + 6 header bytes + KEY + IFV").isEqualTo(47);
        assertThat(bytes.hex()).startsWith("02000005001301");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "unknown object id, 07 00 00 00 00 00 00, ObjectID, UNKNOWN_CODE",
        "sub-stream 3, 04 00 00 00 00 30 00, KeySubStream, INVALID_VALUE",
        "KeySubStream bits 3:2, 04 00 00 00 00 04 00, KeySubStream, RESERVED_NOT_ZERO",
        "unknown KP_ACK status, 03 00 00 00 05 00 00, Status, UNKNOWN_CODE",
        "K_SET_GO one byte long, 04 00 00 00 00 00 00 00, (end of message), OVERSIZED",
        "QUERY_RESP capability not DWORDs, 01 00 00 00 00 00 00 01 02, IDE capability, INVALID_VALUE",
    })
    void malformedObjectsNameTheField(String name, String hex, String field, DecodeError.Reason reason) {
        DecodeResult<IdeKmMessage> result = IdeKmCodec.decode(ByteString.ofHex(hex), ReservedPolicy.REJECT);

        assertThat(result).isInstanceOf(DecodeResult.Malformed.class);
        DecodeError error = result.failure().orElseThrow();
        assertThat(error.field()).isEqualTo(field);
        assertThat(error.reason()).isEqualTo(reason);
    }
}
