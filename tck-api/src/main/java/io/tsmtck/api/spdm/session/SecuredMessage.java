package io.tsmtck.api.spdm.session;

import io.tsmtck.api.spdm.algorithm.AeadAlgorithm;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.Objects;

/**
 * One secured message (DSP0277) as PCI DOE carries it in a type-2 data object: SessionID u32 ‖
 * Length u16 ‖ the AEAD output (ciphertext of {@code u16 AppDataLength ‖ AppData ‖ random}, then
 * the 16-byte tag). PCI DOE sends no sequence number: both ends count (one counter per direction and
 * key set, from 0). The AAD is the first six bytes.
 *
 * @param sessionId ReqSessionID | RspSessionID &lt;&lt; 16
 * @param sealed ciphertext ‖ tag (Length bytes)
 */
public record SecuredMessage(long sessionId, ByteString sealed) {

    /** SessionID and Length. */
    public static final int HEADER_SIZE = 6;

    public SecuredMessage {
        if (sessionId < 0 || sessionId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a session id is a u32: " + sessionId);
        }
        Objects.requireNonNull(sealed, "sealed");
        if (sealed.size() > 0xFFFF) {
            throw new IllegalArgumentException("a secured message's Length is a u16: " + sealed.size());
        }
    }

    /** The record bytes. */
    public ByteString encode() {
        return WireWriter.littleEndian().u32(sessionId).u16(sealed.size()).bytes(sealed).toByteString();
    }

    /** The additional authenticated data: SessionID ‖ Length. */
    public byte[] aad() {
        return WireWriter.littleEndian().u32(sessionId).u16(sealed.size()).toByteString().toByteArray();
    }

    /**
     * Decodes a record followed by up to {@code maxPadding} zero bytes (a DOE object pads to a
     * DWORD). Length must leave room for AppDataLength and the tag.
     */
    public static DecodeResult<SecuredMessage> decode(ByteString bytes, int maxPadding) {
        WireReader in = WireReader.littleEndian(bytes, "secured message", ReservedPolicy.REJECT);
        try {
            long sessionId = in.u32("SessionID");
            int length = in.u16("Length");
            if (length < 2 + AeadAlgorithm.TAG_SIZE) {
                throw in.invalid("Length", 4, length + " is shorter than AppDataLength and the "
                        + AeadAlgorithm.TAG_SIZE + "-byte tag");
            }
            ByteString sealed = in.bytes("encrypted data and MAC", length);
            if (in.remaining() > maxPadding) {
                in.expectEnd();
            }
            in.reserved("DOE padding", in.remaining());
            return DecodeResult.decoded(new SecuredMessage(sessionId, sealed));
        } catch (MalformedException e) {
            return DecodeResult.malformed(e.error());
        }
    }

    @Override
    public String toString() {
        return String.format("secured message session 0x%08x, %d bytes: %s", sessionId, sealed.size(), sealed.hex());
    }
}
