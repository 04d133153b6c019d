package io.tsmtck.api.topology;

/**
 * What a function is to the PCI/TSM core (drivers/pci/tsm.c): the DSM itself (physical function 0,
 * {@code is_pci_tsm_pf0()}), another physical function of the device, or an SR-IOV virtual
 * function. Each hosts one TDI.
 */
public enum FunctionRole {
    /** Physical function 0: the device security manager, holder of the DOE mailbox. */
    DSM,
    /** Another physical function of the same device. */
    PF,
    /** An SR-IOV virtual function of PF0. */
    VF
}
