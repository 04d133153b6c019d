package io.tsmtck.emu.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tsmtck.api.device.SpdmSessionId;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.algorithm.AsymAlgorithm;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.SpdmCodec;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.emu.spdm.DeviceIdentity;
import io.tsmtck.emu.spdm.InProcessMailbox;
import io.tsmtck.emu.spdm.ResponderConfig;
import io.tsmtck.emu.spdm.SessionApplication;
import io.tsmtck.emu.spdm.SpdmResponder;
import io.tsmtck.tck.spdm.RequesterConfig;
import io.tsmtck.tck.spdm.SpdmRequester;
import io.tsmtck.tck.spdm.SpdmSession;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of the reference SPDM responder (Jazzer; regression inputs replay in
 * every build, {@code JAZZER_FUZZ=1} fuzzes, docs/contributing.md, "Fuzzing"). Fuzzed DOE objects (plaintext SPDM,
 * secured records, discovery, unknown types) reach it fresh, negotiated, or with a session open. The
 * properties: it never throws; every plaintext answer is one SPDM message; and an open session still
 * works afterwards unless the input was a record for it (which may end it, never corrupt it).
 */
class SpdmResponderFuzzTest {

    private static final DeviceIdentity IDENTITY = DeviceIdentity.builtIn(AsymAlgorithm.ECDSA_P256);

    @FuzzTest(maxDuration = "2m")
    void anyObjectInAnyStage(FuzzedDataProvider data) throws IOException {
        SpdmResponder responder = new SpdmResponder(ResponderConfig.standard(), List.of(IDENTITY), new Quiet(),
                new SecureRandom());
        int stage = data.consumeInt(0, 2);
        Optional<SpdmSession> session = Optional.empty();
        MessageSizes sizes = MessageSizes.none();
        if (stage > 0) {
            var connection = new SpdmRequester(RequesterConfig.standard(IDENTITY.root()), new SecureRandom())
                    .connect(new InProcessMailbox(responder)).orElseThrow();
            sizes = MessageSizes.of(connection.suite());
            if (stage == 2) {
                session = Optional.of(connection.openSession().orElseThrow());
            }
        }
        int type = data.pickValue(new int[] {DoeObject.TYPE_DISCOVERY, DoeObject.TYPE_SPDM,
            DoeObject.TYPE_SECURED_SPDM, 3});
        byte[] body = data.consumeRemainingAsBytes();
        DoeObject object = DoeObject.wrap(type, ByteString.of(body));
        Optional<DoeObject> answer = responder.handle(object);
        if (answer.isPresent() && answer.get().type() == DoeObject.TYPE_SPDM) {
            assertThat(SpdmCodec.decode(answer.get().data(), sizes, ReservedPolicy.REJECT, 3).isDecoded())
                    .as("a plaintext answer is an SPDM message: %s", answer.get().data().hex()).isTrue();
        }
        boolean forTheSession = type == DoeObject.TYPE_SECURED_SPDM && body.length >= 4
                && session.filter(s -> (body[0] & 0xFF | (body[1] & 0xFF) << 8 | (body[2] & 0xFF) << 16
                        | (long) (body[3] & 0xFF) << 24) == s.sessionId()).isPresent();
        boolean reset = type == DoeObject.TYPE_SPDM && body.length >= 2 && (body[1] & 0xFF) == 0x84;
        if (session.isPresent() && !forTheSession && !reset) {
            assertThat(session.get().heartbeat().isOk()).as("the session after %s", object.encode().hex()).isTrue();
        }
    }

    private static final class Quiet implements SessionApplication {
        @Override
        public Optional<ByteString> vendorDefined(Optional<SpdmSessionId> session, ByteString request) {
            return Optional.empty();
        }

        @Override
        public void sessionEstablished(SpdmSessionId session) {
        }

        @Override
        public void sessionEnded(SpdmSessionId session) {
        }
    }
}
