package io.tsmtck.api.tsm;

/**
 * The PCI/TSM core's view of one function (drivers/pci/tsm.c): no context, connected (a
 * {@code struct pci_tsm} made by the TSM's {@code probe()} at connect), or bound (a TDI exists,
 * made by {@code ops->bind}).
 *
 * <p>NONE -> CONNECTED (connect) -> BOUND (bind) -> CONNECTED (unbind, vdevice destroy, disconnect)
 * -> NONE (disconnect, removal, TSM unregister).
 */
public enum TsmContextState {
    NONE,
    CONNECTED,
    BOUND
}
