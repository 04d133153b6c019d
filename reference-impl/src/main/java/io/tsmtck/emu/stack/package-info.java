/**
 * What one emulated stack instance shares between its layers: faults, seeded randomness, the
 * resource ledger and the open handles ({@link io.tsmtck.emu.stack.EmuContext}).
 */
package io.tsmtck.emu.stack;
