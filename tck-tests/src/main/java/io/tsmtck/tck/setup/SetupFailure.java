package io.tsmtck.tck.setup;

import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * What a refused set-up step leaves of a test. A step that is not what the rule is about blocks the
 * case: it is NOT_TESTED, "blocked by" the step ({@link Blocked}), since nothing about the rule was
 * observed. A step that the catalogue names as the rule's own ({@code ownSteps}) fails it
 * ({@link Violated}). Both carry the step and the subject's answer, so that the runner can tell a
 * vendor which missing piece blocks the most rules ("implement first").
 */
public interface SetupFailure {

    /** "TsmCore.connect refused with ENOSYS": the SPI method and errno, or the step and the answer. */
    String blocker();

    /** The blocker of {@code failure}, if it is a refused set-up step. */
    static Optional<String> blockerOf(Throwable failure) {
        return failure instanceof SetupFailure setup ? Optional.of(setup.blocker()) : Optional.empty();
    }

    /** A refused step the rule is not about: the case was not tested. */
    final class Blocked extends TestAbortedException implements SetupFailure {

        private static final long serialVersionUID = 1L;

        private final String blocker;

        Blocked(String message, String blocker) {
            super(message);
            this.blocker = blocker;
        }

        @Override
        public String blocker() {
            return blocker;
        }
    }

    /**
     * A refused step that is itself what the rule is about: an observed violation, reported FAILED as
     * any test failure (a runtime exception, so that the same call sites can throw either).
     */
    final class Violated extends RuntimeException implements SetupFailure {

        private static final long serialVersionUID = 1L;

        private final String blocker;

        Violated(String message, String blocker) {
            super(message);
            this.blocker = blocker;
        }

        @Override
        public String blocker() {
            return blocker;
        }
    }
}
