package io.tsmtck.api.spdm.dissect;

import io.tsmtck.api.idekm.IdeKmMessage;
import io.tsmtck.api.spdm.message.SpdmMessage;
import io.tsmtck.api.spdm.session.SecuredMessage;
import io.tsmtck.api.tdisp.TdispMessage;
import io.tsmtck.api.wire.ByteString;
import java.util.Objects;

/** The innermost message a DOE object carries, as far as it can be read without session keys. */
public sealed interface Payload {

    /** A DOE discovery request or response (its data dword). */
    record Discovery(ByteString data) implements Payload {
        public Discovery {
            Objects.requireNonNull(data, "data");
        }
    }

    /** An SPDM message that is not a PCI-SIG VENDOR_DEFINED one. */
    record Spdm(SpdmMessage message) implements Payload {
        public Spdm {
            Objects.requireNonNull(message, "message");
        }
    }

    /** A TDISP message in an SPDM VENDOR_DEFINED message (PCI-SIG, protocol 1). */
    record Tdisp(SpdmMessage carrier, TdispMessage message) implements Payload {
        public Tdisp {
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(message, "message");
        }
    }

    /** An IDE_KM object in an SPDM VENDOR_DEFINED message (PCI-SIG, protocol 0). */
    record IdeKm(SpdmMessage carrier, IdeKmMessage message) implements Payload {
        public IdeKm {
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(message, "message");
        }
    }

    /** A secured message (DSP0277): its plaintext needs the session's keys. */
    record Secured(SecuredMessage record) implements Payload {
        public Secured {
            Objects.requireNonNull(record, "record");
        }
    }

    /** A data object of a type this kit does not read. */
    record Unknown(int vendorId, int type, ByteString data) implements Payload {
        public Unknown {
            Objects.requireNonNull(data, "data");
        }
    }
}
