/**
 * The device side: the device kit's subject ({@link io.tsmtck.api.device.DeviceUnderTest}: a DOE
 * mailbox, the functions to test and an optional {@link io.tsmtck.api.device.DeviceControl}), the
 * DOE transport SPI, configuration-space access, and events that happen to a device outside the
 * host's uAPIs. The host kit still reads a DSM through the host stack's
 * {@link io.tsmtck.api.device.DeviceResponder} until its TDI probe replaces it.
 *
 * <p>Nullness: no parameter or return value in this package is null; absent values are
 * {@link java.util.Optional}.
 */
package io.tsmtck.api.device;
