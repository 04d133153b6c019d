package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.WireWriter;
import java.util.Objects;

/**
 * A TDISP message that is the header alone: GET_TDISP_VERSION, GET_DEVICE_INTERFACE_STATE,
 * STOP_INTERFACE_REQUEST, and the START, STOP, BIND_P2P, UNBIND_P2P and SET_MMIO_ATTRIBUTE
 * responses (16 bytes each).
 *
 * @param type one of the header-only types ({@link MessageType#isHeaderOnly()})
 * @param header version and interface
 */
public record HeaderOnlyMessage(MessageType type, TdispHeader header) implements TdispMessage {

    static final MessageType.BodyReader READER = (type, header, in) -> new HeaderOnlyMessage(type, header);

    public HeaderOnlyMessage {
        Objects.requireNonNull(header, "header");
        if (!type.isHeaderOnly()) {
            throw new IllegalArgumentException(type + " has a body; use its own record");
        }
    }

    /** GET_TDISP_VERSION (0x81). */
    public static HeaderOnlyMessage getVersion(TdispHeader header) {
        return new HeaderOnlyMessage(MessageType.GET_TDISP_VERSION, header);
    }

    /** GET_DEVICE_INTERFACE_STATE (0x85). */
    public static HeaderOnlyMessage getState(TdispHeader header) {
        return new HeaderOnlyMessage(MessageType.GET_DEVICE_INTERFACE_STATE, header);
    }

    /** STOP_INTERFACE_REQUEST (0x87). */
    public static HeaderOnlyMessage stop(TdispHeader header) {
        return new HeaderOnlyMessage(MessageType.STOP_INTERFACE_REQUEST, header);
    }

    @Override
    public void encodeBody(WireWriter out) {
        // the header is the whole message
    }
}
