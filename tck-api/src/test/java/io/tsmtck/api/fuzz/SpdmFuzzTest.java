package io.tsmtck.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tsmtck.api.spdm.algorithm.AeadAlgorithm;
import io.tsmtck.api.spdm.algorithm.HashAlgorithm;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.spdm.cert.SpdmCertificateChain;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.SpdmCodec;
import io.tsmtck.api.spdm.message.SpdmMessage;
import io.tsmtck.api.spdm.session.HandshakeSecrets;
import io.tsmtck.api.spdm.session.KeySchedule;
import io.tsmtck.api.spdm.session.SecureChannel;
import io.tsmtck.api.spdm.session.SecuredMessage;
import io.tsmtck.api.spdm.session.SecuredMessageOpaqueData;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.spdm.session.SessionRole;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.ReservedPolicy;

/**
 * Coverage-guided fuzzing of the SPDM decoders and of record opening (Jazzer; regression inputs in
 * {@code SpdmFuzzTestInputs/<method>/}, {@code JAZZER_FUZZ=1} to fuzz, docs/contributing.md, "Fuzzing"). The
 * properties: nothing throws; what decodes strictly re-encodes to exactly the input; what decodes
 * leniently re-encodes to bytes that decode strictly to the same message; a record of random bytes
 * never opens and ends the channel.
 */
class SpdmFuzzTest {

    private static final MessageSizes[] SIZES = {MessageSizes.none(), new MessageSizes(32, 64, 64, false, false),
        new MessageSizes(48, 96, 96, true, false), new MessageSizes(64, 96, 64, true, true)};
    private static final KeySchedule SCHEDULE = new KeySchedule(SpdmVersion.V1_2, HashAlgorithm.SHA_256,
            AeadAlgorithm.AES_128_GCM);
    private static final HandshakeSecrets SECRETS = SCHEDULE.handshake(ByteString.zeros(32), ByteString.zeros(32));

    @FuzzTest(maxDuration = "2m")
    void spdm(FuzzedDataProvider data) {
        MessageSizes sizes = SIZES[data.consumeInt(0, SIZES.length - 1)];
        ByteString input = ByteString.of(data.consumeRemainingAsBytes());
        DecodeResult<SpdmMessage> strict = SpdmCodec.decode(input, sizes, ReservedPolicy.REJECT, 0);
        strict.asOptional().ifPresent(message -> assertThat(message.encode()).as("re-encoded").isEqualTo(input));
        SpdmCodec.decode(input, sizes, ReservedPolicy.IGNORE, 0).asOptional().ifPresent(message ->
                assertThat(SpdmCodec.decode(message.encode(), sizes, ReservedPolicy.REJECT, 0).asOptional())
                        .as("canonical form").contains(message));
    }

    @FuzzTest(maxDuration = "2m")
    void records(FuzzedDataProvider data) {
        boolean handshake = data.consumeBoolean();
        ByteString input = ByteString.of(data.consumeRemainingAsBytes());
        DecodeResult<SecuredMessage> record = SecuredMessage.decode(input, 3);
        record.asOptional().ifPresent(decoded -> {
            assertThat(decoded.encode()).isEqualTo(ByteString.copyOf(input.toByteArray(), 0, decoded.encode().size()));
            SecureChannel channel = new SecureChannel(decoded.sessionId(), SessionRole.RESPONDER, SCHEDULE, SECRETS);
            if (!handshake) {
                channel.enterApplicationPhase(SCHEDULE.data(SECRETS, ByteString.zeros(32)));
            }
            SessionResult<ByteString> opened = channel.open(decoded);
            assertThat(opened.isOk()).as("a record nobody sealed").isFalse();
            assertThat(channel.phase()).isEqualTo(SecureChannel.Phase.ENDED);
        });
    }

    @FuzzTest(maxDuration = "2m")
    void certificateChains(FuzzedDataProvider data) {
        HashAlgorithm hash = data.pickValue(HashAlgorithm.values());
        ByteString input = ByteString.of(data.consumeRemainingAsBytes());
        SpdmCertificateChain.decode(input, hash).asOptional()
                .ifPresent(chain -> assertThat(chain.encode()).as("re-encoded").isEqualTo(input));
    }

    @FuzzTest(maxDuration = "2m")
    void opaqueData(FuzzedDataProvider data) {
        SecuredMessageOpaqueData.Format format = data.pickValue(SecuredMessageOpaqueData.Format.values());
        ByteString input = ByteString.of(data.consumeRemainingAsBytes());
        SecuredMessageOpaqueData.readSupported(format, input).asOptional().ifPresent(versions ->
                assertThat(SecuredMessageOpaqueData.readSupported(format,
                        SecuredMessageOpaqueData.supported(format, versions)).asOptional()).contains(versions));
        SecuredMessageOpaqueData.readSelection(format, input).asOptional().ifPresent(version ->
                assertThat(SecuredMessageOpaqueData.readSelection(format,
                        SecuredMessageOpaqueData.selection(format, version)).asOptional()).contains(version));
    }
}
