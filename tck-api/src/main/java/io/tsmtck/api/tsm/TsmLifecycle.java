package io.tsmtck.api.tsm;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Result;

/**
 * Unloading and loading a TSM driver: an optional test hook
 * ({@link io.tsmtck.api.Capability#TSM_LIFECYCLE}). On Linux, {@code modprobe -r} and
 * {@code modprobe} of the link TSM's module, which call {@code pci_tsm_unregister()} and
 * {@code pci_tsm_register()} (drivers/pci/tsm.c); the devsec sample's devsec.sh does this for
 * {@code devsec_link_tsm}, in both load orders.
 *
 * <p><b>Threading.</b> Safe for use from any thread.
 */
public interface TsmLifecycle {

    /**
     * Unregisters the TSM {@code tsmName} ({@code pci_tsm_unregister()}): every TSM context it holds
     * is torn down (DSMs disconnected, their TDIs unbound first); with no link TSM left, the
     * {@code tsm/} attributes are hidden. Refused with {@code ENOENT} for a TSM that is not
     * registered.
     */
    Result<Done> unregister(String tsmName);

    /**
     * Registers the TSM {@code tsmName} again ({@code pci_tsm_register()}), which shows the
     * {@code tsm/} attributes of every DSM when it is the first link TSM. Refused with
     * {@code EEXIST} for a TSM that is registered.
     */
    Result<Done> register(String tsmName);
}
