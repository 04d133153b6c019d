package io.tsmtck.api.spdm.message;

import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.HexText;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * VERSION: reserved u8, VersionNumberEntryCount u8, then u16 entries (major 15:12, minor 11:8,
 * update 7:4, alpha 3:0).
 *
 * @param version SPDMVersion (0x10)
 * @param entries the raw version number entries
 */
public record VersionResponse(int version, List<Integer> entries) implements SpdmMessage {

    public VersionResponse {
        entries = List.copyOf(entries);
        if (entries.size() > 0xFF) {
            throw new IllegalArgumentException("at most 255 version entries");
        }
    }

    /** A VERSION offering {@code versions} (update and alpha 0). */
    public static VersionResponse offering(List<SpdmVersion> versions) {
        return new VersionResponse(0x10, versions.stream().map(v -> v.code() << 8).toList());
    }

    /** The highest version both this list and {@code supported} have. */
    public Optional<SpdmVersion> highestCommon(List<SpdmVersion> supported) {
        SpdmVersion best = null;
        for (int entry : entries) {
            Optional<SpdmVersion> known = SpdmVersion.fromCode(entry >> 8);
            if (known.isPresent() && supported.contains(known.get())
                    && (best == null || known.get().code() > best.code())) {
                best = known.get();
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public RequestResponseCode code() {
        return RequestResponseCode.VERSION;
    }

    @Override
    public ByteString encode() {
        WireWriter out = new Header(version, code(), 0, 0).writer().u8(0).u8(entries.size());
        entries.forEach(out::u16);
        return out.toByteString();
    }

    static VersionResponse decode(WireReader in, Header header) throws MalformedException {
        Header.reservedParam(in, "Param1", header.param1(), 2);
        Header.reservedParam(in, "Param2", header.param2(), 3);
        in.reserved("Reserved", 1);
        int count = in.u8("VersionNumberEntryCount");
        if (count == 0) {
            throw in.invalid("VersionNumberEntryCount", 5, "a VERSION offers at least one version");
        }
        List<Integer> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(in.u16("VersionNumberEntry[" + i + "]"));
        }
        return new VersionResponse(header.version(), entries);
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
