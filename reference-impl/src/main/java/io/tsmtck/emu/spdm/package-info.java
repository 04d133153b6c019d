/**
 * The reference device's SPDM responder (negotiation, certificates, CHALLENGE, measurements, secured sessions
 * with their heartbeat watchdog) and its DOE mailbox, in process, over a socket, or as configuration-space
 * registers.
 */
package io.tsmtck.emu.spdm;
