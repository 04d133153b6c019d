/**
 * The PCI core's own lifecycle verbs as a host stack may offer them: hot removal and rescan.
 *
 * <p>Nullness: no parameter or return value in this package is null.
 */
package io.tsmtck.api.pci;
