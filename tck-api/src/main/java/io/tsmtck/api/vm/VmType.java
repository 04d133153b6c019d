package io.tsmtck.api.vm;

/** The kind of VM ({@code KVM_CREATE_VM} machine type). */
public enum VmType {
    /** A VM whose memory the host can read: TDIs must not be bound to it. */
    LEGACY,
    /** A confidential VM (SEV-SNP, TDX TD, CCA realm, per the stack's vendor profile). */
    CONFIDENTIAL
}
