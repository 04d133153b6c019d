package io.tsmtck.api.tsm;

/**
 * The scope of a guest request ({@code enum pci_tsm_req_scope}, include/linux/pci-tsm.h). A u32
 * on the uAPI, so any value can be sent; the constants are the ones the kernel defines. Mainline
 * refuses every scope above {@link #STATE_CHANGE} with {@code EINVAL}.
 *
 * @param value the raw scope
 */
public record GuestRequestScope(long value) {

    /** Read-only information (the interface report, the TDI state). */
    public static final GuestRequestScope INFO = new GuestRequestScope(0);
    /** Changes the TDI's state: the guest's way from CONFIG_LOCKED to RUN. */
    public static final GuestRequestScope STATE_CHANGE = new GuestRequestScope(1);
    /** Debug read, refused by mainline. */
    public static final GuestRequestScope DEBUG_READ = new GuestRequestScope(2);
    /** Debug write, refused by mainline. */
    public static final GuestRequestScope DEBUG_WRITE = new GuestRequestScope(3);

    public GuestRequestScope {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a scope is a u32: " + value);
        }
    }
}
