/**
 * The reference implementation: an emulated host stack and an emulated device that pass both kits, the
 * providers that hand them to the kit, and {@code ServeDevice}, which serves the device over the SPDM socket
 * protocol.
 */
package io.tsmtck.emu;
