package io.tsmtck.tck.transport;

import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.SocketFrame;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.WireWriter;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;

/**
 * A DOE mailbox over the SPDM socket protocol of DMTF spdm-emu and QEMU's spdm-socket backend, as
 * a client: each DOE object goes in one NORMAL frame with transport PCI_DOE, and the answer comes
 * back in one frame (an empty payload is no answer). Every answer has a timeout; a peer that closes,
 * stalls, or sends a bad frame or size is an {@link IOException} showing the bytes; close sends
 * SHUTDOWN whatever happened.
 *
 * <p>Threading: one exchange at a time.
 */
public final class SocketMailbox implements DoeMailbox {

    /** Larger than any DOE object (2^18 DWORDs). */
    private static final long MAX_PAYLOAD = 1L << 20;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final String peer;
    private final long timeoutMillis;

    private SocketMailbox(Socket socket, String peer, long timeoutMillis) throws IOException {
        this.socket = socket;
        this.timeoutMillis = timeoutMillis;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.peer = peer;
    }

    /** Connects to {@code host:port}, waiting at most {@code timeout} for the connection and for each whole answer. */
    public static SocketMailbox connect(String host, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            return new SocketMailbox(socket, host + ":" + port, Math.max(1, timeout.toMillis()));
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot connect to the SPDM socket responder at " + host + ":" + port
                    + " (is it running, and listening on that address?): " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<DoeObject> exchange(DoeObject request) throws IOException {
        send(SocketFrame.Command.NORMAL, request.encode());
        SocketFrame answer = receive();
        if (answer.command() != SocketFrame.Command.NORMAL || answer.transport() != SocketFrame.TRANSPORT_PCI_DOE) {
            throw new IOException(peer + " answered with a " + answer.command() + " frame of transport "
                    + answer.transport() + ", expected NORMAL with PCI_DOE (2): " + answer.encode().hex());
        }
        if (answer.payload().size() == 0) {
            return Optional.empty();
        }
        DecodeResult<DoeObject> object = DoeObject.decode(answer.payload());
        if (object instanceof DecodeResult.Malformed<DoeObject> malformed) {
            throw new IOException(peer + " answered with a payload that is not a DOE object: " + malformed.error()
                    + ": " + answer.payload().hex());
        }
        return object.asOptional();
    }

    @Override
    public void close() throws IOException {
        try {
            if (!socket.isClosed()) {
                send(SocketFrame.Command.SHUTDOWN, ByteString.EMPTY);
                receive();
            }
        } catch (IOException e) {
            // the responder may close at once on SHUTDOWN; the connection ends either way
        } finally {
            socket.close();
        }
    }

    private void send(SocketFrame.Command command, ByteString payload) throws IOException {
        out.write(new SocketFrame(command, SocketFrame.TRANSPORT_PCI_DOE, payload).encode().toByteArray());
        out.flush();
    }

    /**
     * One frame, all of it within the timeout: a peer that sends a byte now and then cannot stretch
     * an answer past it, since the wait for each read is what is left of the whole answer's.
     */
    private SocketFrame receive() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        byte[] header = read(SocketFrame.HEADER_SIZE, "frame header", ByteString.EMPTY, deadline);
        long size = (header[8] & 0xFFL) << 24 | (header[9] & 0xFF) << 16 | (header[10] & 0xFF) << 8 | header[11] & 0xFF;
        if (size > MAX_PAYLOAD) {
            throw new IOException(peer + " sent a frame whose size " + size + " exceeds " + MAX_PAYLOAD
                    + " bytes: header " + ByteString.of(header).hex());
        }
        byte[] payload = read((int) size, "frame payload", ByteString.of(header), deadline);
        ByteString frame = WireWriter.bigEndian().bytes(ByteString.of(header)).bytes(ByteString.of(payload))
                .toByteString();
        DecodeResult<SocketFrame> decoded = SocketFrame.decode(frame);
        if (decoded instanceof DecodeResult.Malformed<SocketFrame> malformed) {
            throw new IOException(peer + " sent a bad frame: " + malformed.error() + ": " + frame.hex());
        }
        return decoded.orElseThrow();
    }

    private byte[] read(int length, String what, ByteString before, long deadline) throws IOException {
        byte[] bytes = new byte[length];
        int received = 0;
        while (received < length) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw slow(what, received, length, before);
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            quickAck();
            int read;
            try {
                read = in.read(bytes, received, length - received);
            } catch (SocketTimeoutException e) {
                throw slow(what, received, length, before);
            }
            if (read < 0) {
                throw new IOException(peer + " closed the connection after " + received + " of the " + length
                        + " bytes of the " + what + (before.size() > 0 ? ", after " + before.hex() : ""));
            }
            received += read;
        }
        return bytes;
    }

    /**
     * Acknowledges at once what arrives next. A responder that writes one frame in several sends with
     * Nagle's algorithm on (spdm-emu: the header, then the payload) holds each later send until the
     * earlier one is acknowledged, and Linux delays that acknowledgement by 40 ms: without this, nearly
     * every exchange with spdm-emu took 40 to 45 ms. Linux clears the option again as it sees fit, so it
     * is set before every read; where the platform has no such option, nothing changes.
     */
    private void quickAck() {
        if (QUICK_ACK) {
            try {
                socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
            } catch (IOException | UnsupportedOperationException e) {
                // the platform's acknowledgements stay as they are
            }
        }
    }

    private static final boolean QUICK_ACK = quickAckSupported();

    private static boolean quickAckSupported() {
        try (Socket probe = new Socket()) {
            return probe.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
        } catch (IOException e) {
            return false;
        }
    }

    private IOException slow(String what, int received, int length, ByteString before) {
        return new IOException(peer + " sent " + received + " of the " + length + " bytes of the " + what
                + " within " + timeoutMillis + " ms (the device timeout bounds a whole answer, not each read)"
                + (before.size() > 0 ? ", after " + before.hex() : ""));
    }
}
