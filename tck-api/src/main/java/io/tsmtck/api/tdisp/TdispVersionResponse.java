package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * TDISP_VERSION (0x01; PCIe Base 6.x 11.3.5): VERSION_NUM_COUNT u8 (at least 1) and that many
 * version bytes.
 *
 * @param header version and interface
 * @param versions the supported versions, 1 to 255 of them
 */
public record TdispVersionResponse(TdispHeader header, List<Integer> versions) implements TdispMessage {

    public TdispVersionResponse {
        Objects.requireNonNull(header, "header");
        versions = List.copyOf(versions);
        if (versions.isEmpty() || versions.size() > 0xFF) {
            throw new IllegalArgumentException("1 to 255 versions, not " + versions.size());
        }
        versions.forEach(v -> Fields.checkU8("version", v));
    }

    @Override
    public MessageType type() {
        return MessageType.TDISP_VERSION;
    }

    @Override
    public void encodeBody(WireWriter out) {
        out.u8(versions.size());
        versions.forEach(out::u8);
    }

    static TdispVersionResponse read(MessageType type, TdispHeader header, WireReader in) throws MalformedException {
        int offset = in.position();
        int count = in.u8("VERSION_NUM_COUNT");
        if (count == 0) {
            throw in.invalid("VERSION_NUM_COUNT", offset, "must be at least 1");
        }
        List<Integer> versions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            versions.add(in.u8("VERSION_NUM_ENTRY[" + i + "]"));
        }
        return new TdispVersionResponse(header, versions);
    }
}
