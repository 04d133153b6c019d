package io.tsmtck.api.tdisp;

import java.util.Objects;

/**
 * The parts of the 16-byte TDISP header that vary between messages of one type: the TDISP version
 * (major in bits 7:4, minor in 3:0) and the interface. The message type is implied by the message
 * record; the reserved u16 at offset 2 is written as zero.
 *
 * @param version the TDISPVersion byte, {@link #VERSION_1_0} for TDISP 1.0
 * @param interfaceId the TDI the message is about
 */
public record TdispHeader(int version, InterfaceId interfaceId) {

    /** TDISP 1.0. */
    public static final int VERSION_1_0 = 0x10;

    /** Length of the header on the wire. */
    public static final int LENGTH = 16;

    public TdispHeader {
        if (version < 0 || version > 0xFF) {
            throw new IllegalArgumentException("version must be a u8: " + version);
        }
        Objects.requireNonNull(interfaceId, "interfaceId");
    }

    /** A TDISP 1.0 header for {@code interfaceId}. */
    public static TdispHeader v10(InterfaceId interfaceId) {
        return new TdispHeader(VERSION_1_0, interfaceId);
    }

    /** The major version (bits 7:4). */
    public int major() {
        return version >> 4;
    }
}
