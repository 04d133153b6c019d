package io.tsmtck.emu.spdm;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.algorithm.AsymAlgorithm;
import io.tsmtck.api.spdm.message.RequestResponseCode;
import io.tsmtck.tck.spdm.RequesterConfig;
import io.tsmtck.tck.spdm.SpdmConnection;
import io.tsmtck.tck.spdm.SpdmRequester;
import io.tsmtck.tck.spdm.VerifiedChains;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The kit reads a device's chain once a run: a second connection whose DIGESTS names a chain the
 * kit validated against the same anchor skips GET_CERTIFICATE and still opens a session (the leaf key
 * signs KEY_EXCHANGE_RSP); under another anchor, or without the cache, the chain is read again.
 */
class VerifiedChainsTest {

    /** The request codes a mailbox carried, in order. */
    private static final class Counting implements DoeMailbox {
        final DoeMailbox inner;
        final List<Integer> codes = new ArrayList<>();

        Counting(DoeMailbox inner) {
            this.inner = inner;
        }

        @Override
        public Optional<DoeObject> exchange(DoeObject request) throws IOException {
            if (request.type() == DoeObject.TYPE_SPDM && request.data().size() > 1) {
                codes.add(request.data().get(1) & 0xFF);
            }
            return inner.exchange(request);
        }

        long certificateRequests() {
            return codes.stream().filter(code -> code == RequestResponseCode.GET_CERTIFICATE.code()).count();
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }

    private static SpdmConnection connect(SessionInteropTest.Device device, Counting mailbox, AsymAlgorithm anchor,
                                          Optional<VerifiedChains> chains) {
        return new SpdmRequester(RequesterConfig.standard(device.root(anchor)), new SecureRandom(), chains)
                .connect(mailbox).orElseThrow();
    }

    @Test
    void aChainValidatedOnceIsNotReadAgainAndTheSessionStillOpens() {
        SessionInteropTest.Device device = new SessionInteropTest.Device();
        VerifiedChains chains = new VerifiedChains();
        Counting first = new Counting(device.mailbox());
        Counting second = new Counting(device.mailbox());

        SpdmConnection read = connect(device, first, AsymAlgorithm.ECDSA_P384, Optional.of(chains));
        SpdmConnection cached = connect(device, second, AsymAlgorithm.ECDSA_P384, Optional.of(chains));

        assertThat(first.certificateRequests()).as("GET_CERTIFICATE of the first connection").isPositive();
        assertThat(second.certificateRequests()).as("GET_CERTIFICATE of the second connection").isZero();
        assertThat(second.codes).as("the second connection still asks DIGESTS")
                .contains(RequestResponseCode.GET_DIGESTS.code());
        assertThat(cached.chain().encode()).isEqualTo(read.chain().encode());
        assertThat(cached.openSession().isOk()).as("a session over the cached chain").isTrue();
        assertThat(chains.size()).isEqualTo(1);
    }

    @Test
    void anotherAnchorOrNoCacheReadsTheChainAgain() {
        SessionInteropTest.Device device = new SessionInteropTest.Device();
        VerifiedChains chains = new VerifiedChains();
        connect(device, new Counting(device.mailbox()), AsymAlgorithm.ECDSA_P384, Optional.of(chains));
        Counting otherAnchor = new Counting(device.mailbox());
        Counting uncached = new Counting(device.mailbox());

        // the P-256 root does not anchor the P-384 chain: nothing of the P-384 validation may be reused
        new SpdmRequester(RequesterConfig.standard(device.root(AsymAlgorithm.ECDSA_P256)), new SecureRandom(),
                Optional.of(chains)).connect(otherAnchor);
        connect(device, uncached, AsymAlgorithm.ECDSA_P384, Optional.empty());

        assertThat(otherAnchor.certificateRequests()).as("GET_CERTIFICATE under another anchor").isPositive();
        assertThat(uncached.certificateRequests()).as("GET_CERTIFICATE without the cache").isPositive();
    }
}
