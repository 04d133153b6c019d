package io.tsmtck.api.errno;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of an operation that the uAPI may refuse: a value, or the {@link Errno} the kernel
 * would return with an optional explanation. A refusal the spec defines is never an exception;
 * exceptions are for misuse of the API (a closed handle, a null argument) and for bugs.
 *
 * @param <T> the value of a successful operation ({@link Done} when there is none)
 */
public sealed interface Result<T> {

    /** The operation succeeded. */
    record Ok<T>(T value) implements Result<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The operation was refused.
     *
     * @param errno what the uAPI returns
     * @param detail why, for humans; may be empty
     */
    record Refused<T>(Errno errno, String detail) implements Result<T> {
        public Refused {
            Objects.requireNonNull(errno, "errno");
            Objects.requireNonNull(detail, "detail");
        }
    }

    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    /** Success without a value. */
    static Result<Done> done() {
        return new Ok<>(Done.DONE);
    }

    static <T> Result<T> refused(Errno errno, String detail) {
        return new Refused<>(errno, detail);
    }

    /** True if the operation succeeded. */
    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value of a successful operation, empty for a refusal. */
    default Optional<T> asOptional() {
        return this instanceof Ok<T> ok ? Optional.of(ok.value()) : Optional.empty();
    }

    /** The errno of a refusal, empty for a success. */
    default Optional<Errno> refusalErrno() {
        return this instanceof Refused<T> refused ? Optional.of(refused.errno()) : Optional.empty();
    }

    /**
     * The value.
     *
     * @throws RefusedException with the errno and detail, if the operation was refused
     */
    default T orElseThrow() {
        if (this instanceof Refused<T> refused) {
            throw new RefusedException(refused.errno(), refused.detail());
        }
        return ((Ok<T>) this).value();
    }

    /** Applies {@code mapper} to a value; a refusal passes through. */
    default <R> Result<R> map(Function<? super T, ? extends R> mapper) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(mapper.apply(ok.value()));
        }
        Refused<T> refused = (Refused<T>) this;
        return new Refused<>(refused.errno(), refused.detail());
    }

    /** Chains an operation that may itself be refused. */
    default <R> Result<R> flatMap(Function<? super T, Result<R>> next) {
        if (this instanceof Ok<T> ok) {
            return next.apply(ok.value());
        }
        Refused<T> refused = (Refused<T>) this;
        return new Refused<>(refused.errno(), refused.detail());
    }
}
