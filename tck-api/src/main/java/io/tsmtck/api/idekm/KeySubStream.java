package io.tsmtck.api.idekm;

import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The KeySubStream byte of IDE_KM key objects: bit 0 key set (K0/K1), bit 1 direction (RX=0,
 * TX=1), bits 7:4 sub-stream (0 PR, 1 NPR, 2 CPL); bits 3:2 reserved.
 *
 * @param keySet K0 or K1
 * @param direction receive or transmit, from the device's point of view
 * @param subStream posted, non-posted or completion requests
 */
public record KeySubStream(KeySet keySet, Direction direction, SubStream subStream) {

    /** Key set. */
    public enum KeySet { K0, K1 }

    /** Key direction. */
    public enum Direction { RX, TX }

    /** IDE sub-stream. */
    public enum SubStream { PR, NPR, CPL }

    private static final int RESERVED_MASK = 0x0C;

    public KeySubStream {
        Objects.requireNonNull(keySet, "keySet");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(subStream, "subStream");
    }

    /** "K0 RX PR": key set, direction, sub-stream, as a failure message names it. */
    @Override
    public String toString() {
        return keySet + " " + direction + " " + subStream;
    }

    /** The six key sub-streams of {@code keySet}: each direction, each sub-stream (RX before TX, PR, NPR, CPL). */
    public static List<KeySubStream> of(KeySet keySet) {
        List<KeySubStream> lanes = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            for (SubStream sub : SubStream.values()) {
                lanes.add(new KeySubStream(keySet, direction, sub));
            }
        }
        return List.copyOf(lanes);
    }

    /** The byte on the wire. */
    public int toByte() {
        return keySet.ordinal() | direction.ordinal() << 1 | subStream.ordinal() << 4;
    }

    static KeySubStream read(WireReader in) throws MalformedException {
        int offset = in.position();
        int value = (int) in.reservedBits("KeySubStream", in.u8("KeySubStream"), RESERVED_MASK, offset);
        int subStream = value >> 4;
        if (subStream >= SubStream.values().length) {
            throw in.invalid("KeySubStream", offset, "sub-stream " + subStream + " is not PR (0), NPR (1) or CPL (2)");
        }
        return new KeySubStream(KeySet.values()[value & 1], Direction.values()[(value >> 1) & 1],
                SubStream.values()[subStream]);
    }
}
