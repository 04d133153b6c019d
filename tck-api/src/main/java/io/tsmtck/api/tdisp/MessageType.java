package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireCode;
import java.util.Optional;

/**
 * Every TDISP message type with its MessageType code (PCIe Base 6.x 11.3, tables 11-4 and 11-5).
 * Request codes are 0x81..0x8B, the response to request {@code c} is {@code c - 0x80}, and
 * TDISP_ERROR is 0x7F.
 */
public enum MessageType implements WireCode {
    GET_TDISP_VERSION(0x81, HeaderOnlyMessage.READER),
    GET_TDISP_CAPABILITIES(0x82, GetTdispCapabilities::read),
    LOCK_INTERFACE_REQUEST(0x83, LockInterfaceRequest::read),
    GET_DEVICE_INTERFACE_REPORT(0x84, GetDeviceInterfaceReport::read),
    GET_DEVICE_INTERFACE_STATE(0x85, HeaderOnlyMessage.READER),
    START_INTERFACE_REQUEST(0x86, StartInterfaceRequest::read),
    STOP_INTERFACE_REQUEST(0x87, HeaderOnlyMessage.READER),
    BIND_P2P_STREAM_REQUEST(0x88, P2pStreamRequest::read),
    UNBIND_P2P_STREAM_REQUEST(0x89, P2pStreamRequest::read),
    SET_MMIO_ATTRIBUTE_REQUEST(0x8A, SetMmioAttributeRequest::read),
    VDM_REQUEST(0x8B, VdmMessage::read),

    TDISP_VERSION(0x01, TdispVersionResponse::read),
    TDISP_CAPABILITIES(0x02, TdispCapabilitiesResponse::read),
    LOCK_INTERFACE_RESPONSE(0x03, LockInterfaceResponse::read),
    DEVICE_INTERFACE_REPORT(0x04, DeviceInterfaceReportResponse::read),
    DEVICE_INTERFACE_STATE(0x05, DeviceInterfaceStateResponse::read),
    START_INTERFACE_RESPONSE(0x06, HeaderOnlyMessage.READER),
    STOP_INTERFACE_RESPONSE(0x07, HeaderOnlyMessage.READER),
    BIND_P2P_STREAM_RESPONSE(0x08, HeaderOnlyMessage.READER),
    UNBIND_P2P_STREAM_RESPONSE(0x09, HeaderOnlyMessage.READER),
    SET_MMIO_ATTRIBUTE_RESPONSE(0x0A, HeaderOnlyMessage.READER),
    VDM_RESPONSE(0x0B, VdmMessage::read),
    TDISP_ERROR(0x7F, TdispError::read);

    /** Reads the body of a message whose header has been read. */
    @FunctionalInterface
    interface BodyReader {
        TdispMessage read(MessageType type, TdispHeader header, WireReader in) throws MalformedException;
    }

    private final int code;
    private final BodyReader reader;

    MessageType(int code, BodyReader reader) {
        this.code = code;
        this.reader = reader;
    }

    /** The MessageType byte. */
    @Override
    public int code() {
        return code;
    }

    /** True for the request codes 0x81..0x8B. */
    public boolean isRequest() {
        return code >= 0x80;
    }

    /** True for the requests every TDISP responder must implement (0x81..0x87). */
    public boolean isMandatoryRequest() {
        return code >= 0x81 && code <= 0x87;
    }

    /** True if the message is the 16-byte header alone. */
    public boolean isHeaderOnly() {
        return reader == HeaderOnlyMessage.READER;
    }

    /** The success response of a request; empty for responses. */
    public Optional<MessageType> response() {
        return isRequest() ? fromCode(code - 0x80) : Optional.empty();
    }

    /** The message type with this code, if TDISP defines one. */
    public static Optional<MessageType> fromCode(int code) {
        return WireCode.lookup(MessageType.class, code);
    }

    TdispMessage readBody(TdispHeader header, WireReader in) throws MalformedException {
        return reader.read(this, header, in);
    }
}
