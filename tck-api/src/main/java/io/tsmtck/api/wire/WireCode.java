package io.tsmtck.api.wire;

import java.util.Optional;

/**
 * An enum constant that stands for a numeric code on the wire (a message type, an error code, a
 * state).
 */
public interface WireCode {

    /** The code on the wire. */
    int code();

    /**
     * The constant of {@code type} whose code is {@code code}.
     *
     * @return empty if the protocol defines no such code
     */
    static <E extends Enum<E> & WireCode> Optional<E> lookup(Class<E> type, long code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code() == code) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
