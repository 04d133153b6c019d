package io.tsmtck.tck.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.binding.ImplementationFailure;
import io.tsmtck.tck.binding.RuleContext;
import io.tsmtck.tck.binding.Transcript;
import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.host.inventory.InventoryRun;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The transcript names every message, its sender, the wait, and what a secured record carried. */
class TranscriptMailboxTest {

    /** Answers GET_VERSION with VERSION and a secured record with a secured record. */
    private static final DoeMailbox DEVICE = new DoeMailbox() {
        @Override
        public Optional<DoeObject> exchange(DoeObject request) {
            return Optional.of(request.type() == DoeObject.TYPE_SPDM
                    ? DoeObject.wrap(DoeObject.TYPE_SPDM, ByteString.ofHex("100400000001001100"))
                    : DoeObject.wrap(DoeObject.TYPE_SECURED_SPDM, ByteString.ofHex("0100feff0400aabbccdd")));
        }

        @Override
        public void close() {
        }
    };

    @Test
    void plaintextMessagesByNameAndSecuredRecordsByWhatTheyCarry() throws IOException {
        Transcript outside = new Transcript();
        TranscriptMailbox mailbox = new TranscriptMailbox(DEVICE, "tcp://127.0.0.1:2323", outside);

        mailbox.exchange(DoeObject.wrap(DoeObject.TYPE_SPDM, ByteString.ofHex("10840000")));
        mailbox.sending("END_SESSION (SPDM 0x13)");
        mailbox.exchange(DoeObject.wrap(DoeObject.TYPE_SECURED_SPDM, ByteString.ofHex("0100feff0400aabbccdd")));
        mailbox.received("END_SESSION_ACK (SPDM 0x13)");

        assertThat(outside.render().replaceAll("after \\d+ ms", "after N ms").lines()).containsExactly(
                "kit -> tcp://127.0.0.1:2323: SPDM GET_VERSION, version 0x10 (10840000)",
                "tcp://127.0.0.1:2323 -> kit, after N ms: SPDM VERSION, version 0x10 (100400000001001100000000)",
                "kit -> tcp://127.0.0.1:2323: secured SPDM record of session 0xFFFE0001, 12 bytes, carrying END_SESSION"
                        + " (SPDM 0x13)",
                "tcp://127.0.0.1:2323 -> kit, after N ms: secured SPDM record of session 0xFFFE0001, 12 bytes",
                "  (tcp://127.0.0.1:2323's record carried END_SESSION_ACK (SPDM 0x13))");
    }

    @Test
    void aTestsCostCountsItsDeviceFramesBytesAndWaitingAndNothingOutsideTests() throws IOException {
        TranscriptMailbox mailbox = new TranscriptMailbox(DEVICE, "tcp://127.0.0.1:2323", new Transcript());
        mailbox.exchange(DoeObject.wrap(DoeObject.TYPE_SPDM, ByteString.ofHex("10840000"))); // before any test
        RuleContext.enter(Catalogue.standard().rule("SPDM-01").orElseThrow(), new InventoryRun());
        try {
            mailbox.exchange(DoeObject.wrap(DoeObject.TYPE_SPDM, ByteString.ofHex("10840000")));
            mailbox.exchange(DoeObject.wrap(DoeObject.TYPE_SECURED_SPDM, ByteString.ofHex("0100feff0400aabbccdd")));

            String[] cost = RuleContext.current().orElseThrow().cost().split(" ");
            // two requests and two answers, whole DOE objects
            assertThat(cost[2]).as("device frames").isEqualTo("4");
            assertThat(cost[3]).as("device bytes").isEqualTo(String.valueOf(
                    DoeObject.wrap(DoeObject.TYPE_SPDM, ByteString.ofHex("10840000")).encode().size()
                    + DoeObject.wrap(DoeObject.TYPE_SPDM, ByteString.ofHex("100400000001001100")).encode().size()
                    + 2 * DoeObject.wrap(DoeObject.TYPE_SECURED_SPDM, ByteString.ofHex("0100feff0400aabbccdd"))
                            .encode().size()));
            assertThat(Long.parseLong(cost[4])).as("ms waited").isNotNegative();
        } finally {
            RuleContext.leave();
        }
    }

    @Test
    void aMailboxThatThrowsIsNamedWithItsRequestAndStackNotPassedOnBare() {
        DoeMailbox throwing = new DoeMailbox() {
            @Override
            public Optional<DoeObject> exchange(DoeObject request) {
                throw new IndexOutOfBoundsException("63 > 62");
            }

            @Override
            public void close() {
            }
        };
        Transcript outside = new Transcript();
        TranscriptMailbox mailbox = new TranscriptMailbox(throwing, "in-process", outside);

        assertThatThrownBy(() -> mailbox.exchange(DoeObject.wrap(DoeObject.TYPE_SPDM, ByteString.ofHex("10840000"))))
                .isInstanceOf(ImplementationFailure.class)
                .hasMessageContaining("the implementation threw java.lang.IndexOutOfBoundsException in"
                        + " DoeMailbox.exchange(SPDM GET_VERSION, version 0x10 (10840000)) of in-process: 63 > 62")
                .hasMessageContaining("at io.tsmtck.tck.device.TranscriptMailboxTest")
                .hasMessageContaining("hint: a device answers every request")
                .hasCauseInstanceOf(IndexOutOfBoundsException.class);
        assertThat(outside.render()).contains("in-process: the mailbox threw java.lang.IndexOutOfBoundsException: 63 > 62");
    }
}
