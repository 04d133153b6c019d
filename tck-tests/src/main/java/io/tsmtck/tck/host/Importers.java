package io.tsmtck.tck.host;

import io.tsmtck.api.Capability;
import io.tsmtck.api.dmabuf.DmaBufAttachment;

/**
 * What an importer of a dma-buf sees of its mapping: a test hook ({@link Capability#DMABUF_MAPPING}),
 * since no uAPI shows it. A test reaches it only after the clauses the uAPI shows, so that a stack
 * without the hook still fails those and is NOT_TESTED, naming the hook, for the rest.
 */
public final class Importers {

    private Importers() {
    }

    /** Whether {@code attachment}'s mapping stands; NOT_TESTED unless the stack declares the hook. */
    public static boolean isMapped(HostSut sut, DmaBufAttachment attachment) {
        sut.require(Capability.DMABUF_MAPPING);
        return attachment.isMapped();
    }
}
