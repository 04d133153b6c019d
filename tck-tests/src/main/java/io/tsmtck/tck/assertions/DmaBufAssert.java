package io.tsmtck.tck.assertions;

import io.tsmtck.api.dmabuf.DmaBuf;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a dma-buf of MMIO. */
public final class DmaBufAssert extends AbstractAssert<DmaBufAssert, DmaBuf> {

    DmaBufAssert(DmaBuf actual) {
        super(actual, DmaBufAssert.class);
    }

    /** The exporter has revoked it. */
    public DmaBufAssert isRevoked() {
        return revoked(true);
    }

    /** The buffer is usable (not revoked). */
    public DmaBufAssert isActive() {
        return revoked(false);
    }

    private DmaBufAssert revoked(boolean expected) {
        isNotNull();
        if (actual.isRevoked() != expected) {
            String subject = "dma-buf" + (descriptionText().isEmpty() ? "" : " (" + descriptionText() + ")");
            failWithActualExpectedAndMessage(state(actual.isRevoked()), state(expected),
                    Failures.message(subject, state(expected), state(actual.isRevoked())));
        }
        return this;
    }

    private static String state(boolean revoked) {
        return revoked ? "REVOKED" : "ACTIVE";
    }
}
