package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.HexText;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import java.util.Set;

/**
 * The header-only session messages: HEARTBEAT / HEARTBEAT_ACK (parameters reserved), KEY_UPDATE /
 * KEY_UPDATE_ACK (Param1 the operation: 1 UpdateKey, 2 UpdateAllKeys, 3 VerifyNewKey; Param2 a tag
 * the ACK echoes), END_SESSION (Param1 bit 0 NegotiatedStateClearing) / END_SESSION_ACK.
 */
public record SessionControl(int version, RequestResponseCode code, int param1, int param2) implements SpdmMessage {

    /** KEY_UPDATE UpdateKey: the requester's direction. */
    public static final int UPDATE_KEY = 1;
    /** KEY_UPDATE UpdateAllKeys: both directions. */
    public static final int UPDATE_ALL_KEYS = 2;
    /** KEY_UPDATE VerifyNewKey: the first message under the new keys. */
    public static final int VERIFY_NEW_KEY = 3;

    static final Set<RequestResponseCode> CODES = Set.of(RequestResponseCode.HEARTBEAT,
            RequestResponseCode.HEARTBEAT_ACK, RequestResponseCode.KEY_UPDATE, RequestResponseCode.KEY_UPDATE_ACK,
            RequestResponseCode.END_SESSION, RequestResponseCode.END_SESSION_ACK);

    public SessionControl {
        if (!CODES.contains(code)) {
            throw new IllegalArgumentException(code + " is not a header-only session message");
        }
        Header.checkU8("param1", param1);
        Header.checkU8("param2", param2);
    }

    @Override
    public ByteString encode() {
        return Header.only(version, code, param1, param2);
    }

    static SessionControl decode(WireReader in, Header header) throws MalformedException {
        boolean keyUpdate = header.code() == RequestResponseCode.KEY_UPDATE
                || header.code() == RequestResponseCode.KEY_UPDATE_ACK;
        int param1 = switch (header.code()) {
            case KEY_UPDATE, KEY_UPDATE_ACK -> {
                if (header.param1() < UPDATE_KEY || header.param1() > VERIFY_NEW_KEY) {
                    throw in.invalid("Param1", 2, "KEY_UPDATE operation " + header.param1() + " is not 1, 2 or 3");
                }
                yield header.param1();
            }
            case END_SESSION -> (int) in.reservedBits("Param1", header.param1(), 0xFE, 2);
            default -> (int) in.reservedBits("Param1", header.param1(), 0xFF, 2);
        };
        int param2 = keyUpdate ? header.param2() : (int) in.reservedBits("Param2", header.param2(), 0xFF, 3);
        return new SessionControl(header.version(), header.code(), param1, param2);
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
