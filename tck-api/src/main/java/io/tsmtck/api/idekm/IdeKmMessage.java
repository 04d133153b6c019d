package io.tsmtck.api.idekm;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.WireWriter;

/**
 * An IDE_KM object (PCIe Base 6.x 6.33.3). The encoding starts at the object id; the PCI protocol
 * id byte (0x00 for IDE_KM) belongs to the SPDM vendor-defined wrapper
 * ({@link io.tsmtck.api.spdm.VendorDefinedMessage}).
 *
 * <p>IDE_KM has no error message: a K_SET_GO or K_SET_STOP that fails gets no answer.
 *
 * <p>Values are immutable and thread-safe.
 */
public sealed interface IdeKmMessage permits IdeKmQuery, IdeKmQueryResponse, KeyProg, KpAck, KeySetCommand {

    /** The object id, which fixes the layout. */
    IdeKmObjectId objectId();

    /** Writes everything after the object id; used by {@link #encode()}. */
    void encodeBody(WireWriter out);

    /** The object's bytes, starting with the object id. */
    default ByteString encode() {
        WireWriter out = WireWriter.littleEndian().u8(objectId().code());
        encodeBody(out);
        return out.toByteString();
    }
}
