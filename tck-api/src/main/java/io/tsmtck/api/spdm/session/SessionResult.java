package io.tsmtck.api.spdm.session;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A value, or the {@link SessionError} that stands in its place. Session code never throws for what
 * a peer sends.
 *
 * @param <T> the value type
 */
public sealed interface SessionResult<T> {

    /** Success. */
    record Ok<T>(T value) implements SessionResult<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Failure. */
    record Failed<T>(SessionError error) implements SessionResult<T> {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    static <T> SessionResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> SessionResult<T> failed(SessionError.Kind kind, String detail) {
        return new Failed<>(new SessionError(kind, detail));
    }

    static <T> SessionResult<T> failed(SessionError error) {
        return new Failed<>(error);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /**
     * The value.
     *
     * @throws IllegalStateException naming the error, if this is a failure
     */
    default T orElseThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("session failure: " + ((Failed<T>) this).error());
    }

    /** The error of a failure, empty for a value. */
    default Optional<SessionError> failure() {
        return this instanceof Failed<T> failed ? Optional.of(failed.error()) : Optional.empty();
    }

    /** Applies {@code next} to a value; an error passes through. */
    default <R> SessionResult<R> then(Function<? super T, SessionResult<R>> next) {
        if (this instanceof Ok<T> ok) {
            return next.apply(ok.value());
        }
        return new Failed<>(((Failed<T>) this).error());
    }
}
