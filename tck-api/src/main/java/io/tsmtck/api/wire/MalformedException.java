package io.tsmtck.api.wire;

/**
 * Carries a {@link DecodeError} from deep inside a decoder to the codec's entry point, where it
 * becomes a {@link DecodeResult.Malformed}. It is checked so that no decoder can forget it, and it
 * never leaves a public codec method.
 */
public final class MalformedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient DecodeError error;

    public MalformedException(DecodeError error) {
        super(error.toString(), null, false, false);
        this.error = error;
    }

    public DecodeError error() {
        return error;
    }
}
