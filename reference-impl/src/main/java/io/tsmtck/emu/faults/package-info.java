/**
 * Fault injection for the kit's self-test: {@link io.tsmtck.emu.faults.Fault} breaks one rule at a
 * time, {@link io.tsmtck.emu.faults.ResourceLedger} fails the n-th allocation and accounts for
 * leaks.
 */
package io.tsmtck.emu.faults;
