package io.tsmtck.api.wire;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of decoding bytes: the message, or the {@link DecodeError} that says why the bytes are
 * not one. Decoders never throw for malformed input.
 *
 * @param <T> the decoded type
 */
public sealed interface DecodeResult<T> {

    /** A well-formed message. */
    record Decoded<T>(T value) implements DecodeResult<T> {
        public Decoded {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Bytes that are not a well-formed message. */
    record Malformed<T>(DecodeError error) implements DecodeResult<T> {
        public Malformed {
            Objects.requireNonNull(error, "error");
        }
    }

    static <T> DecodeResult<T> decoded(T value) {
        return new Decoded<>(value);
    }

    static <T> DecodeResult<T> malformed(DecodeError error) {
        return new Malformed<>(error);
    }

    /** True for {@link Decoded}. */
    default boolean isDecoded() {
        return this instanceof Decoded;
    }

    /** Why the bytes are malformed, empty for a decoded value. */
    default Optional<DecodeError> failure() {
        return this instanceof Malformed<T> malformed ? Optional.of(malformed.error()) : Optional.empty();
    }

    /** The decoded value, empty for malformed bytes. */
    default Optional<T> asOptional() {
        return this instanceof Decoded<T> decoded ? Optional.of(decoded.value()) : Optional.empty();
    }

    /**
     * The decoded value.
     *
     * @throws IllegalStateException naming the decode error, if the bytes were malformed
     */
    default T orElseThrow() {
        if (this instanceof Decoded<T> decoded) {
            return decoded.value();
        }
        throw new IllegalStateException("malformed: " + ((Malformed<T>) this).error());
    }

    /** Applies {@code mapper} to a decoded value; a decode error passes through. */
    default <R> DecodeResult<R> map(Function<? super T, ? extends R> mapper) {
        if (this instanceof Decoded<T> decoded) {
            return new Decoded<>(mapper.apply(decoded.value()));
        }
        return new Malformed<>(((Malformed<T>) this).error());
    }
}
