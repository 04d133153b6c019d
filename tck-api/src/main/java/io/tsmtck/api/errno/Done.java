package io.tsmtck.api.errno;

/** The value of an operation that succeeded and has nothing to return (the uAPI's {@code 0}). */
public enum Done {
    DONE
}
