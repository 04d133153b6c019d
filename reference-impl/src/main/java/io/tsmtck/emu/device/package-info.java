/**
 * The emulated device behind the responder: its functions and configuration space, the TDISP responder and TDI
 * states, IDE_KM keys and streams, and the events that move a TDI to ERROR.
 */
package io.tsmtck.emu.device;
