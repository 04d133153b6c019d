package io.tsmtck.emu.spdm;

import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.SocketFrame;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * The reference responder served over the SPDM socket protocol of DMTF spdm-emu and QEMU's
 * spdm-socket backend (transport PCI_DOE), so that spdm-emu's requester, QEMU or anyone's requester
 * can drive it: each NORMAL frame carries one DOE object and is answered with one (an empty payload
 * when the device answers nothing); TEST is answered "Server Hello!"; SHUTDOWN is answered and ends
 * the connection. Bad framing or a payload that is not a DOE object is logged and answered empty.
 *
 * <p>Threading: one connection at a time, served on the calling thread.
 */
public final class SocketServer implements AutoCloseable {

    private static final long MAX_PAYLOAD = 1L << 20;
    private static final byte[] HELLO = "Server Hello!\0".getBytes(StandardCharsets.US_ASCII);

    private final SpdmResponder responder;
    private final ServerSocket socket;
    private final PrintStream log;
    private boolean verbose;
    private Duration latency = Duration.ZERO;

    /** Listens on {@code address:port} (0 picks a free port). */
    public SocketServer(SpdmResponder responder, InetAddress address, int port, PrintStream log) throws IOException {
        this.responder = Objects.requireNonNull(responder, "responder");
        this.log = log;
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(address, port));
    }

    /** Logs every DOE object in and out. */
    public SocketServer verbose() {
        verbose = true;
        return this;
    }

    /**
     * Answers every DOE object {@code latency} late: a slow device (firmware that takes that long per
     * exchange), to measure what a device's speed costs a certification.
     */
    public SocketServer withLatency(Duration latency) {
        this.latency = Objects.requireNonNull(latency, "latency");
        return this;
    }

    /** The port it listens on. */
    public int port() {
        return socket.getLocalPort();
    }

    /** Accepts one connection and serves it until SHUTDOWN or the peer closes. */
    public void serveOne() throws IOException {
        try (Socket connection = socket.accept()) {
            connection.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            while (true) {
                Optional<SocketFrame> frame = read(in);
                if (frame.isEmpty()) {
                    return;
                }
                SocketFrame request = frame.get();
                switch (request.command()) {
                    case TEST -> write(out, SocketFrame.Command.TEST, request.transport(), ByteString.of(HELLO));
                    case SHUTDOWN -> {
                        write(out, SocketFrame.Command.SHUTDOWN, request.transport(), ByteString.EMPTY);
                        return;
                    }
                    default -> write(out, SocketFrame.Command.NORMAL, request.transport(), answer(request.payload()));
                }
            }
        }
    }

    private ByteString answer(ByteString payload) {
        DecodeResult<DoeObject> object = DoeObject.decode(payload);
        if (object instanceof DecodeResult.Malformed<DoeObject> malformed) {
            log.println("[serve] not a DOE object, answered empty: " + malformed.error() + ": " + payload.hex());
            return ByteString.EMPTY;
        }
        ByteString answer = responder.handle(object.orElseThrow()).map(DoeObject::encode).orElse(ByteString.EMPTY);
        if (!latency.isZero()) {
            long until = System.nanoTime() + latency.toNanos(); // the device's own time per exchange
            for (long left = latency.toNanos(); left > 0; left = until - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        }
        if (verbose) {
            log.println("[serve] <- " + payload.hex());
            log.println("[serve] -> " + (answer.size() == 0 ? "(nothing)" : answer.hex()));
        }
        return answer;
    }

    private Optional<SocketFrame> read(DataInputStream in) throws IOException {
        byte[] header = new byte[SocketFrame.HEADER_SIZE];
        try {
            in.readFully(header);
        } catch (EOFException e) {
            return Optional.empty();
        }
        long size = (header[8] & 0xFFL) << 24 | (header[9] & 0xFF) << 16 | (header[10] & 0xFF) << 8 | header[11] & 0xFF;
        if (size > MAX_PAYLOAD) {
            log.println("[serve] frame size " + size + " exceeds " + MAX_PAYLOAD + ", closing: "
                    + ByteString.of(header).hex());
            return Optional.empty();
        }
        byte[] payload = new byte[(int) size];
        in.readFully(payload);
        byte[] frame = new byte[header.length + payload.length];
        System.arraycopy(header, 0, frame, 0, header.length);
        System.arraycopy(payload, 0, frame, header.length, payload.length);
        DecodeResult<SocketFrame> decoded = SocketFrame.decode(ByteString.of(frame));
        if (decoded instanceof DecodeResult.Malformed<SocketFrame> malformed) {
            log.println("[serve] bad frame, closing: " + malformed.error());
            return Optional.empty();
        }
        return decoded.asOptional();
    }

    private static void write(OutputStream out, SocketFrame.Command command, long transport, ByteString payload)
            throws IOException {
        out.write(new SocketFrame(command, transport, payload).encode().toByteArray());
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
