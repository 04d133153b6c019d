package io.tsmtck.api.spdm.session;

/** Which end of a session this side is; the requester sends with the request-direction keys. */
public enum SessionRole {
    REQUESTER,
    RESPONDER;

    /** The other end. */
    public SessionRole peer() {
        return this == REQUESTER ? RESPONDER : REQUESTER;
    }
}
