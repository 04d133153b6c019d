package io.tsmtck.tck.spdm;

import io.tsmtck.api.spdm.message.RequestResponseCode;
import io.tsmtck.api.wire.ByteString;

/**
 * A mailbox that is told what each secured record it carries holds: only the requester knows the
 * plaintext (FINISH, END_SESSION, KEY_UPDATE, an application message), so a mailbox that keeps a
 * transcript implements this to name them. Optional: the requester tells only a mailbox that does.
 */
public interface RecordNotes {

    /** The next secured record the requester sends carries {@code message}. */
    void sending(String message);

    /** The secured record just received carried {@code message}. */
    void received(String message);

    /** "END_SESSION (SPDM 0x13)": an SPDM message by its code, for a note. */
    static String name(ByteString message) {
        if (message.size() < 2) {
            return "a message of " + message.size() + " bytes";
        }
        return RequestResponseCode.fromCode(message.get(1)).map(Enum::name)
                .orElse(String.format("a message of code 0x%02X", message.get(1)))
                + String.format(" (SPDM 0x%02X)", message.get(0));
    }
}
