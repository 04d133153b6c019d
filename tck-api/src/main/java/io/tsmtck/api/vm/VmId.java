package io.tsmtck.api.vm;

/**
 * Identity of a KVM VM object, which outlives the handle that created it while something holds a
 * reference (a VFIO device's {@code kvm} pointer, a vIOMMU).
 *
 * @param value an id unique within one stack instance
 */
public record VmId(long value) {
}
