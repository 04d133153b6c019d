package io.tsmtck.tck.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.device.DeviceUnderTest;
import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.topology.FunctionRole;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.api.wire.ByteString;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A test abandoned at its timeout while it waits for the device's answer leaves no shared
 * connection behind: closing its view closes that mailbox, which ends the wait, and the next test
 * gets a new one instead of the old answer or a wait behind it.
 */
class SharedDeviceTest {

    /** A mailbox whose device never answers; closing it ends a waiting exchange, as closing a socket does. */
    private static final class SilentMailbox implements DoeMailbox {
        private final CountDownLatch closed = new CountDownLatch(1);
        private final CountDownLatch waiting = new CountDownLatch(1);

        @Override
        public Optional<DoeObject> exchange(DoeObject request) throws IOException {
            waiting.countDown();
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("socket closed");
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    @Test
    void aViewClosedWhileItsTestWaitsDropsTheConnection() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        SilentMailbox first = new SilentMailbox();
        SharedDevice device = new SharedDevice("tcp://127.0.0.1:2323", () -> opened.incrementAndGet() == 1 ? first
                : new SilentMailbox(), List.of(new PciFunction(new PciAddress(0, 0, 0, 0), FunctionRole.DSM,
                        new PciAddress(0, 0, 0, 0), List.of())), Optional.empty());
        DeviceUnderTest abandoned = device.open(TopologyRequest.minimal());
        CompletableFuture<Throwable> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                abandoned.mailbox().exchange(DoeObject.wrap(DoeObject.TYPE_SPDM, ByteString.ofHex("10840000")));
                return null;
            } catch (IOException e) {
                return e;
            }
        });
        assertThat(first.waiting.await(10, TimeUnit.SECONDS)).as("the test waits for the answer").isTrue();

        abandoned.close();

        assertThat(waiter.get(10, TimeUnit.SECONDS)).as("the abandoned wait ends").isInstanceOf(IOException.class);
        device.open(TopologyRequest.minimal());
        assertThat(opened).as("connections opened: the next test has a new one").hasValue(2);
    }
}
