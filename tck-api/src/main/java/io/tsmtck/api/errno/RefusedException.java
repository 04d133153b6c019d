package io.tsmtck.api.errno;

/**
 * Thrown by {@link Result#orElseThrow()} when a caller insisted on a value that was refused. Only a
 * caller that does not expect the refusal sees it: the refusal itself is a value.
 */
public final class RefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Errno errno;

    public RefusedException(Errno errno, String detail) {
        super(errno + " (" + errno.description() + ")" + (detail.isEmpty() ? "" : ": " + detail));
        this.errno = errno;
    }

    public Errno errno() {
        return errno;
    }
}
