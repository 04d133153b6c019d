/**
 * The vendor back ends of the emulated TSM: Intel TDX Connect, AMD SEV-TIO and a generic link TSM, each binding
 * TDIs its own way, with the firmware gate and log their firmware calls go through.
 */
package io.tsmtck.emu.vendor;
