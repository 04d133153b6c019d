package io.tsmtck.emu.spdm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.SocketFrame;
import io.tsmtck.api.spdm.algorithm.AsymAlgorithm;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.spdm.RequesterConfig;
import io.tsmtck.tck.spdm.SpdmRequester;
import io.tsmtck.tck.spdm.SpdmSession;
import io.tsmtck.tck.transport.SocketMailbox;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The kit's socket mailbox and the served reference responder over loopback, in the SPDM socket
 * protocol: a session opens and works as in process; TEST is answered; a peer that stalls, closes
 * or sends an oversized frame is an IOException naming it, never a hang.
 */
class SocketTransportTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aSessionWorksOverTheSocketAsInProcess() throws Exception {
        SessionInteropTest.Device device = new SessionInteropTest.Device();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (SocketServer server = new SocketServer(device.responder, InetAddress.getLoopbackAddress(), 0,
                new PrintStream(log, true, StandardCharsets.UTF_8))) {
            Future<?> serving = executor.submit(() -> {
                server.serveOne();
                return null;
            });
            try (SocketMailbox mailbox = SocketMailbox.connect("127.0.0.1", server.port(), Duration.ofSeconds(10))) {
                SpdmSession session = new SpdmRequester(RequesterConfig.standard(device.root(AsymAlgorithm.ECDSA_P384)),
                        new SecureRandom()).connect(mailbox).orElseThrow().openSession().orElseThrow();
                assertThat(SessionInteropTest.echo(session, io.tsmtck.api.spdm.algorithm.SpdmVersion.V1_3, "0102"))
                        .isEqualTo(ByteString.ofHex("0201"));
                assertThat(session.updateKeys(true, 1).isOk()).isTrue();
                assertThat(session.end().isOk()).isTrue();
            }
            serving.get(10, TimeUnit.SECONDS);
        }
        assertThat(device.application.ended).hasSize(1);
    }

    @Test
    void testFramesAreAnsweredAndShutdownEndsTheConnection() throws Exception {
        try (SocketServer server = new SocketServer(new SessionInteropTest.Device().responder,
                InetAddress.getLoopbackAddress(), 0, new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8))) {
            Future<?> serving = executor.submit(() -> {
                server.serveOne();
                return null;
            });
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(new SocketFrame(SocketFrame.Command.TEST, 2,
                        ByteString.of("Client Hello!\0".getBytes(StandardCharsets.US_ASCII))).encode().toByteArray());
                DataInputStream in = new DataInputStream(socket.getInputStream());
                byte[] answer = new byte[12 + 14];
                in.readFully(answer);
                assertThat(new String(answer, 12, 13, StandardCharsets.US_ASCII)).isEqualTo("Server Hello!");
                socket.getOutputStream().write(new SocketFrame(SocketFrame.Command.SHUTDOWN, 2, ByteString.EMPTY)
                        .encode().toByteArray());
                byte[] shutdown = new byte[12];
                in.readFully(shutdown);
                assertThat(ByteString.copyOf(shutdown, 0, 4)).isEqualTo(ByteString.ofHex("0000fffe"));
            }
            serving.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aStallingPeerTimesOutNamingIt() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            executor.submit(() -> {
                try (Socket held = silent.accept()) {
                    done.await();
                }
                return null;
            });
            try (SocketMailbox mailbox = SocketMailbox.connect("127.0.0.1", silent.getLocalPort(),
                    Duration.ofMillis(300))) {
                assertThatThrownBy(() -> mailbox.exchange(DoeObject.wrap(DoeObject.TYPE_SPDM,
                        ByteString.ofHex("10840000")))).isInstanceOf(IOException.class)
                        .hasMessageContaining("sent 0 of the 12 bytes of the frame header within 300 ms");
            } finally {
                done.countDown();
            }
        }
    }

    /** A peer that sends a byte now and then cannot stretch one answer past the device timeout. */
    @Test
    void aPeerThatDripsItsAnswerTimesOutOnTheWholeAnswer() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        byte[] frame = ByteString.ofHex("00000001 00000002 00000008 01000100 02000000").toByteArray();
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            executor.submit(() -> {
                try (Socket socket = peer.accept()) {
                    socket.getInputStream().readNBytes(12 + 12);
                    for (byte b : frame) {
                        if (done.await(100, TimeUnit.MILLISECONDS)) {
                            break; // the paced peer's own clock; the kit waits on nothing fixed
                        }
                        socket.getOutputStream().write(b);
                        socket.getOutputStream().flush();
                    }
                    done.await();
                }
                return null;
            });
            try (SocketMailbox mailbox = SocketMailbox.connect("127.0.0.1", peer.getLocalPort(),
                    Duration.ofMillis(500))) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> mailbox.exchange(DoeObject.wrap(DoeObject.TYPE_SPDM,
                        ByteString.ofHex("10840000")))).isInstanceOf(IOException.class)
                        .hasMessageMatching("127\\.0\\.0\\.1:\\d+ sent [1-9]\\d* of the 12 bytes of the frame"
                                + " header within 500 ms \\(the device timeout bounds a whole answer, not each"
                                + " read\\)");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to give up on the answer")
                        .isLessThan(Duration.ofMillis(1500));
            } finally {
                done.countDown();
            }
        }
    }

    /**
     * A peer that writes each answer in two sends with Nagle's algorithm on, as spdm-emu does, is not
     * slowed by the kit's delayed acknowledgements: 20 exchanges would take 20 x 40 ms without the
     * kit's quick acknowledgement.
     */
    @Test
    void aPeerThatSplitsItsFramesIsNotSlowedByDelayedAcknowledgements() throws Exception {
        int exchanges = 20;
        byte[] header = ByteString.ofHex("00000001 00000002 00000008").toByteArray();
        byte[] payload = ByteString.ofHex("01000100 02000000").toByteArray();
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            executor.submit(() -> {
                try (Socket socket = peer.accept()) {
                    socket.setTcpNoDelay(false);
                    for (int i = 0; i < exchanges; i++) {
                        socket.getInputStream().readNBytes(12 + 12);
                        socket.getOutputStream().write(header);
                        socket.getOutputStream().flush();
                        socket.getOutputStream().write(payload);
                        socket.getOutputStream().flush();
                    }
                    socket.getInputStream().readNBytes(12); // SHUTDOWN: the peer closes
                }
                return null;
            });
            try (SocketMailbox mailbox = SocketMailbox.connect("127.0.0.1", peer.getLocalPort(),
                    Duration.ofSeconds(5))) {
                long start = System.nanoTime();
                for (int i = 0; i < exchanges; i++) {
                    mailbox.exchange(DoeObject.wrap(DoeObject.TYPE_SPDM, ByteString.ofHex("10840000")));
                }
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("%d exchanges with a peer that splits"
                        + " its frames", exchanges).isLessThan(Duration.ofMillis(400));
            }
        }
    }

    @Test
    void aPeerThatClosesOrSendsAnOversizedFrameIsNamed() throws Exception {
        for (byte[] reply : new byte[][] {{}, ByteString.ofHex("00000001 00000002 7fffffff").toByteArray(),
            ByteString.ofHex("00000001 00000002 00000008 01000100").toByteArray()}) {
            try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                executor.submit(() -> {
                    try (Socket socket = peer.accept()) {
                        socket.getInputStream().readNBytes(12 + 12);
                        socket.getOutputStream().write(reply);
                    }
                    return null;
                });
                try (SocketMailbox mailbox = SocketMailbox.connect("127.0.0.1", peer.getLocalPort(),
                        Duration.ofSeconds(5))) {
                    assertThatThrownBy(() -> mailbox.exchange(DoeObject.wrap(DoeObject.TYPE_SPDM,
                            ByteString.ofHex("10840000")))).isInstanceOf(IOException.class)
                            .hasMessageContaining("127.0.0.1:" + peer.getLocalPort());
                }
            }
        }
    }

    @Test
    void nobodyListeningSaysWhatToCheck() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        int closed = port;
        assertThatThrownBy(() -> SocketMailbox.connect("127.0.0.1", closed, Duration.ofSeconds(2)))
                .isInstanceOf(IOException.class).hasMessageContaining("is it running");
    }
}
