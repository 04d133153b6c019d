package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.WireWriter;

/**
 * A TDISP message: the 16-byte header and a type-specific body. Records implement it, one per
 * message layout; {@link TdispCodec} decodes bytes into them and {@link #encode()} writes them.
 *
 * <p>Values are immutable and thread-safe. Constructors reject values that cannot be encoded
 * (a field wider than its wire width) with {@link IllegalArgumentException}; values that encode but
 * break a protocol rule (a wrong nonce, a reserved attribute bit) are allowed, so that the kit can
 * send them to a device on purpose.
 */
public sealed interface TdispMessage
        permits HeaderOnlyMessage, GetTdispCapabilities, LockInterfaceRequest, GetDeviceInterfaceReport,
        StartInterfaceRequest, P2pStreamRequest, SetMmioAttributeRequest, VdmMessage, TdispVersionResponse,
        TdispCapabilitiesResponse, LockInterfaceResponse, DeviceInterfaceReportResponse,
        DeviceInterfaceStateResponse, TdispError {

    /** Version and interface. */
    TdispHeader header();

    /** The message type, which fixes the body layout. */
    MessageType type();

    /**
     * Writes the body (everything after the 16-byte header). Called by {@link #encode()}; not
     * useful on its own.
     */
    void encodeBody(WireWriter out);

    /** The whole message as it goes on the wire. */
    default ByteString encode() {
        return TdispCodec.encode(this);
    }

    /** The interface this message is about. */
    default InterfaceId interfaceId() {
        return header().interfaceId();
    }
}
