package io.tsmtck.tck.assertions;

import io.tsmtck.api.dmabuf.DmaBufAttachment;
import io.tsmtck.tck.host.HostSut;
import io.tsmtck.tck.host.Importers;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an importer's attachment of a dma-buf, as the importer sees it: its mapping stands or the
 * exporter's revoke took it away. Read through the DMABUF_MAPPING test hook ({@link Importers}), so a stack
 * without it is NOT_TESTED naming the hook.
 */
public final class MappingAssert extends AbstractAssert<MappingAssert, DmaBufAttachment> {

    private final HostSut sut;

    MappingAssert(HostSut sut, DmaBufAttachment attachment) {
        super(attachment, MappingAssert.class);
        this.sut = sut;
    }

    /** The importer's mapping stands. */
    public MappingAssert isMapped() {
        return is(true);
    }

    /** The importer's mapping is gone (unmapped by a revoke). */
    public MappingAssert isUnmapped() {
        return is(false);
    }

    private MappingAssert is(boolean mapped) {
        isNotNull();
        boolean seen = Importers.isMapped(sut, actual);
        if (seen != mapped) {
            String subject = "the importer's mapping" + (descriptionText().isEmpty() ? "" : " (" + descriptionText()
                    + ")");
            String expected = mapped ? "mapped" : "unmapped (revoked)";
            String found = seen ? "still mapped" : "unmapped";
            failWithActualExpectedAndMessage(found, expected, Failures.message(subject, expected, found));
        }
        return this;
    }
}
