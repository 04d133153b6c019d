/**
 * The device side: the device kit's subject ({@link io.tsmtck.api.device.DeviceUnderTest}: a DOE
 * mailbox, the functions to test and an optional {@link io.tsmtck.api.device.DeviceControl}), the
 * DOE transport SPI, configuration-space access, and events that happen to a device outside the
 * host's uAPIs. The host kit never reaches a device through this package: where a host rule needs
 * a TDI's state it asks the stack's optional {@link io.tsmtck.api.TdiProbe}.
 *
 * <p>Nullness: no parameter or return value in this package is null; absent values are
 * {@link java.util.Optional}.
 */
package io.tsmtck.api.device;
