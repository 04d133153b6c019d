/**
 * The emulated KVM: VMs and the references that keep them alive.
 */
package io.tsmtck.emu.host.kvm;
