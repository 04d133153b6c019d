package io.tsmtck.api.dmabuf;

/**
 * What an importing driver declares when it attaches ({@code struct dma_buf_attach_ops}). An
 * importer without peer-to-peer is offered only by stacks that declare
 * {@link io.tsmtck.api.Capability#NON_P2P_IMPORTER}.
 *
 * @param peerToPeer {@code allow_peer2peer}: the importer can reach PCI MMIO. MMIO dma-bufs refuse
 *     importers without it ({@code EOPNOTSUPP}).
 */
public record Importer(boolean peerToPeer) {

    /** An importer that can do peer-to-peer DMA, such as KVM or an RDMA device. */
    public static Importer peerToPeerCapable() {
        return new Importer(true);
    }
}
