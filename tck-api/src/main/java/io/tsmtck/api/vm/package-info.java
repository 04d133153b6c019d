/**
 * KVM as the TSM stack sees it: the VM handle that identifies a confidential VM to the secure
 * world. Every "bind to cVM" call needs it (January 2025 dri-devel message: "any RPCs that want to
 * call into the secure world need the KVM FD to get the cVM's identifier").
 *
 * <p>Nullness: no parameter or return value in this package is null.
 */
package io.tsmtck.api.vm;
