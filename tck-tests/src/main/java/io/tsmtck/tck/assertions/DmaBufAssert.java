package io.tsmtck.tck.assertions;

import io.tsmtck.api.dmabuf.DmaBuf;
import io.tsmtck.api.dmabuf.DmaBufAttachment;
import io.tsmtck.api.dmabuf.DmaMapping;
import io.tsmtck.api.dmabuf.Importer;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.setup.Await;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a dma-buf of MMIO, seen the way an importer sees it: a fresh peer-to-peer
 * attachment maps an active buffer and is refused with {@code ENODEV} by a revoked one (at attach
 * or at map). The probe's attachment is detached again.
 */
public final class DmaBufAssert extends AbstractAssert<DmaBufAssert, DmaBuf> {

    DmaBufAssert(DmaBuf actual) {
        super(actual, DmaBufAssert.class);
    }

    /** The exporter has revoked it: an importer is refused with ENODEV. */
    public DmaBufAssert isRevoked() {
        return seen("REVOKED");
    }

    /**
     * The buffer is revoked now and at every look over the "absent" timeout
     * ({@value KitConfig#TIMEOUT_ABSENT}): a restore that comes later fails as one at once does.
     */
    public DmaBufAssert staysRevoked() {
        isRevoked();
        AtomicReference<String> seen = new AtomicReference<>("REVOKED");
        if (!Await.holdsThroughout(() -> {
            seen.set(importersView(actual));
            return seen.get().equals("REVOKED");
        })) {
            String subject = "dma-buf" + (descriptionText().isEmpty() ? "" : " (" + descriptionText() + ")")
                    + ", watched for " + KitConfig.timeoutAbsent().toMillis() + " ms";
            failWithActualExpectedAndMessage(seen.get(), "REVOKED", Failures.message(subject, "REVOKED", seen.get()));
        }
        return this;
    }

    /** The buffer is usable: an importer attaches and maps it. */
    public DmaBufAssert isActive() {
        return seen("ACTIVE");
    }

    private DmaBufAssert seen(String expected) {
        isNotNull();
        String state = importersView(actual);
        if (!state.equals(expected)) {
            String subject = "dma-buf" + (descriptionText().isEmpty() ? "" : " (" + descriptionText() + ")");
            failWithActualExpectedAndMessage(state, expected, Failures.message(subject, expected, state));
        }
        return this;
    }

    /** ACTIVE, REVOKED, or what else the importer was told. */
    private static String importersView(DmaBuf buffer) {
        Result<DmaBufAttachment> attached = buffer.attach(Importer.peerToPeerCapable());
        if (!(attached instanceof Result.Ok<DmaBufAttachment> ok)) {
            return view(attached, "attach");
        }
        try (DmaBufAttachment attachment = ok.value()) {
            Result<DmaMapping> mapped = attachment.map();
            return mapped.isOk() ? "ACTIVE" : view(mapped, "map");
        }
    }

    private static String view(Result<?> refused, String step) {
        Optional<Errno> errno = refused.refusalErrno();
        return errno.equals(Optional.of(Errno.ENODEV)) ? "REVOKED"
                : "neither: the importer's " + step + " was refused with " + errno.map(Enum::name).orElse("?");
    }
}
