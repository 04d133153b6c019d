package io.tsmtck.api.dmabuf;

import io.tsmtck.api.errno.Result;

/**
 * An importer's attachment to a {@link DmaBuf} ({@code dma_buf_dynamic_attach()}).
 *
 * <p>Lifecycle: made by {@link DmaBuf#attach}; {@link #close()} detaches. When the exporter
 * revokes the buffer it calls the importer's {@code move_notify} once per revoke; the importer
 * must then map again, which fails with {@code ENODEV} until the buffer is restored.
 *
 * <p>Threading: safe for use from any thread; move notifications arrive synchronously, before the
 * revoking operation returns.
 */
public interface DmaBufAttachment extends AutoCloseable {

    /** Maps for DMA. Refused with {@code ENODEV} while the buffer is revoked. */
    Result<DmaMapping> map();

    /** How many move notifications this attachment has received. */
    long moveNotifications();

    /** Detaches. Closing twice is harmless. */
    @Override
    void close();
}
