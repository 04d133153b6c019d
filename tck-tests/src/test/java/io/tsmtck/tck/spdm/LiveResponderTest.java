package io.tsmtck.tck.spdm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tsmtck.api.spdm.ProtocolId;
import io.tsmtck.api.spdm.VendorDefinedMessage;
import io.tsmtck.api.spdm.cert.Certificates;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.transport.SocketMailbox;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A live secured session with an external SPDM responder over the SPDM socket protocol (DMTF
 * spdm-emu's {@code spdm_responder_emu --trans PCI_DOE}, or anything that speaks it). Opt-in: set
 * {@code TSM_TCK_SPDM_RESPONDER=host:port} and {@code TSM_TCK_SPDM_TRUST_ANCHOR=<root CA, DER or
 * PEM>}; skipped, and says so, when unset. Never part of {@code .ci/run}.
 */
class LiveResponderTest {

    private static final String RESPONDER = "TSM_TCK_SPDM_RESPONDER";
    private static final String ANCHOR = "TSM_TCK_SPDM_TRUST_ANCHOR";

    @Test
    void aSecuredSessionCarriesTdispAndEndsCleanly() throws Exception {
        String target = System.getenv(RESPONDER);
        String anchor = System.getenv(ANCHOR);
        assumeTrue(target != null && anchor != null, "live SPDM run not requested: set " + RESPONDER
                + "=host:port and " + ANCHOR + "=<root CA file> (see docs/device-kit.md, 'Against DMTF spdm-emu')");
        int colon = target.lastIndexOf(':');
        RequesterConfig config = RequesterConfig.standard(Certificates.readTrustAnchor(Path.of(anchor)));
        try (SocketMailbox mailbox = SocketMailbox.connect(target.substring(0, colon),
                Integer.parseInt(target.substring(colon + 1)), Duration.ofSeconds(10))) {
            SpdmConnection connection = new SpdmRequester(config, new SecureRandom()).connect(mailbox).orElseThrow();
            System.out.printf("[live] %s %s, leaf %s%n", connection.version(), connection.suite(),
                    connection.leaf().getSubjectX500Principal());
            SpdmSession session = connection.openSession().orElseThrow();
            System.out.printf("[live] session 0x%08x open%n", session.sessionId());
            VendorDefinedMessage getVersion = new VendorDefinedMessage(connection.version().code(), true, 0, 0,
                    ProtocolId.TDISP, ByteString.ofHex("10 81 00 00 00 00 00 00 00 00 00 00 00 00 00 00"));
            SessionResult<ByteString> answer = session.send(getVersion.encode());
            System.out.println("[live] GET_TDISP_VERSION answered " + answer);
            assertThat(answer.isOk()).as("%s", answer).isTrue();
            VendorDefinedMessage version = VendorDefinedMessage.decode(answer.orElseThrow()).orElseThrow();
            assertThat(version.protocol()).isEqualTo(ProtocolId.TDISP);
            assertThat(version.body().get(1)).as("TDISP_VERSION").isEqualTo(0x01);
            assertThat(session.heartbeat().isOk()).isTrue();
            assertThat(session.updateKeys(false, 1).isOk()).as("KEY_UPDATE UpdateKey").isTrue();
            assertThat(session.updateKeys(true, 3).isOk()).as("KEY_UPDATE UpdateAllKeys").isTrue();
            assertThat(session.send(getVersion.encode()).isOk()).as("TDISP after KEY_UPDATE").isTrue();
            assertThat(session.end().isOk()).isTrue();
        }
    }
}
