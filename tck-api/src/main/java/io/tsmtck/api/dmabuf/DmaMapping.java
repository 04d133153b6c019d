package io.tsmtck.api.dmabuf;

/**
 * A mapping of an attachment for DMA ({@code dma_buf_map_attachment()}).
 *
 * @param length bytes mapped
 */
public record DmaMapping(long length) {
}
