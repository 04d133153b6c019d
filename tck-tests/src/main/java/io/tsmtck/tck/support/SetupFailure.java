package io.tsmtck.tck.support;

import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/**
 * A test that could not check its rule because a step before it was refused. Carries the SPI
 * method that refused and the errno, so that the runner can tell a vendor which missing piece
 * blocks the most rules ("implement first").
 */
public final class SetupFailure extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    private final String blocker;

    SetupFailure(String message, String blocker) {
        super(message);
        this.blocker = blocker;
    }

    /** "TsmCore.connect refused with ENOSYS": the SPI method and errno, or the step when the call is unknown. */
    public String blocker() {
        return blocker;
    }

    /** The blocker of {@code failure}, if it is a setup failure. */
    public static Optional<String> blockerOf(Throwable failure) {
        return failure instanceof SetupFailure setup ? Optional.of(setup.blocker) : Optional.empty();
    }
}
