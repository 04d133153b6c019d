/**
 * The device side of the stack: the DSM's SPDM responder ({@link io.tsmtck.api.device.DeviceResponder}),
 * which the kit reads as its oracle, the secured session that carries TDISP and IDE_KM, and
 * events that happen to a device outside the host's uAPIs.
 *
 * <p>Nullness: no parameter or return value in this package is null; absent values are
 * {@link java.util.Optional}.
 */
package io.tsmtck.api.device;
