package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.HexText;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * DIGESTS: Param1 (1.3: SupportedSlotMask, else reserved), Param2 the slot mask of the provisioned
 * slots, then one H-byte digest per bit set, lowest slot first.
 */
public record DigestsResponse(int version, int param1, int slotMask, List<ByteString> digests) implements SpdmMessage {

    public DigestsResponse {
        digests = List.copyOf(digests);
        if (Integer.bitCount(slotMask & 0xFF) != digests.size()) {
            throw new IllegalArgumentException("one digest per slot in the mask " + slotMask + ": " + digests.size());
        }
    }

    /** The digest of {@code slot}'s chain, if the slot is provisioned. */
    public java.util.Optional<ByteString> digest(int slot) {
        if ((slotMask >> slot & 1) == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(digests.get(Integer.bitCount(slotMask & ((1 << slot) - 1))));
    }

    @Override
    public RequestResponseCode code() {
        return RequestResponseCode.DIGESTS;
    }

    @Override
    public ByteString encode() {
        WireWriter out = new Header(version, code(), param1, slotMask).writer();
        digests.forEach(out::bytes);
        return out.toByteString();
    }

    static DigestsResponse decode(WireReader in, Header header, MessageSizes sizes) throws MalformedException {
        int param1 = header.version() < 0x13 ? (int) in.reservedBits("Param1", header.param1(), 0xFF, 2)
                : header.param1();
        requireHash(in, sizes);
        List<ByteString> digests = new ArrayList<>();
        for (int i = 0; i < Integer.bitCount(header.param2()); i++) {
            digests.add(in.bytes("Digest[" + i + "]", sizes.hashSize()));
        }
        return new DigestsResponse(header.version(), param1, header.param2(), digests);
    }

    static void requireHash(WireReader in, MessageSizes sizes) throws MalformedException {
        if (sizes.hashSize() == 0) {
            throw in.invalid("(negotiated hash)", 0, "this message needs the negotiated hash size (after ALGORITHMS)");
        }
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
