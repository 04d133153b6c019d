/**
 * The SPDM carriers of TDISP and IDE_KM: the PCI-SIG {@link io.tsmtck.api.spdm.VendorDefinedMessage}
 * wrapper, the {@link io.tsmtck.api.spdm.DoeObject} and the spdm-emu
 * {@link io.tsmtck.api.spdm.SocketFrame}. A TDISP or IDE_KM message outside a secured SPDM session
 * must get no response (PCIe Base 6.x 11.2.2); the session itself is modelled in
 * {@link io.tsmtck.api.device}.
 *
 * <p>Nullness: no parameter or return value in this package is null.
 */
package io.tsmtck.api.spdm;
