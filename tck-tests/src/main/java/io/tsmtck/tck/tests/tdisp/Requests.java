package io.tsmtck.tck.tests.tdisp;

import io.tsmtck.api.tdisp.GetDeviceInterfaceReport;
import io.tsmtck.api.tdisp.GetTdispCapabilities;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.LockInterfaceRequest;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.StartInterfaceRequest;
import io.tsmtck.api.tdisp.TdispHeader;
import io.tsmtck.api.tdisp.TdispMessage;
import io.tsmtck.api.wire.ByteString;

/** Well-formed sample requests, to probe how a responder treats a request's form. */
public final class Requests {

    private Requests() {
    }

    /** A well-formed request of {@code type} (mandatory requests only); LOCK names {@code stream}. */
    public static TdispMessage wellFormed(MessageType type, TdispHeader header, int stream) {
        switch (type) {
            case GET_TDISP_CAPABILITIES:
                return new GetTdispCapabilities(header, 0);
            case LOCK_INTERFACE_REQUEST:
                return new LockInterfaceRequest(header, 0, stream, 0, 0);
            case GET_DEVICE_INTERFACE_REPORT:
                return new GetDeviceInterfaceReport(header, 0, 0x40);
            case START_INTERFACE_REQUEST:
                return new StartInterfaceRequest(header, ByteString.zeros(32));
            default:
                return new HeaderOnlyMessage(type, header);
        }
    }
}
