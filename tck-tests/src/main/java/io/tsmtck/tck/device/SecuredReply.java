package io.tsmtck.tck.device;

import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.session.SecuredMessage;
import java.util.Optional;

/**
 * What came back to a record the device must not open (one of an ended session, one sealed with a
 * key the session replaced): served only if a secured record of that very session came back. A
 * plaintext ERROR, nothing, or a record of another session id (libspdm answers a record it cannot
 * open with an ERROR under session id 0xFFFFFFFF) is no service.
 *
 * @param answer the DOE object the device sent back, if any
 * @param sessionId the session the record named
 */
public record SecuredReply(Optional<DoeObject> answer, long sessionId) {

    /** How a rule names the reply it expects. */
    public static final String NOT_SERVED = "no secured record of the session";

    /** Whether a secured record of {@link #sessionId} came back. */
    public boolean inSession() {
        return answer.filter(a -> a.type() == DoeObject.TYPE_SECURED_SPDM)
                .flatMap(a -> SecuredMessage.decode(a.data(), 3).asOptional())
                .filter(record -> record.sessionId() == sessionId).isPresent();
    }

    /** {@link #NOT_SERVED}, or the record of the session that came back. */
    public String describe() {
        return inSession() ? String.format("a secured record of session 0x%08x: %s", sessionId,
                answer.orElseThrow().data().hex()) : NOT_SERVED;
    }
}
