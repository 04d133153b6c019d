package io.tsmtck.tck.catalogue;

/**
 * A fact about the subject that a conditional rule depends on. When the fact does not hold the
 * rule cannot apply and is NOT_APPLICABLE, with the fact stated; the kit decides it from the
 * subject's topology or from what the device answers, never from a declared preference.
 */
public enum Condition {
    /** PF0 has SR-IOV virtual functions. */
    HAS_VFS("the subject has SR-IOV virtual functions"),
    /** The DSM has functions besides PF0 (other PFs or VFs). */
    HAS_SUBFUNCTIONS("the subject's DSM has functions besides PF0"),
    /** One stack has DSMs below more than one host bridge. */
    HAS_SEVERAL_DSMS("the subject has more than one DSM"),
    /** REQ_MSGS_SUPPORTED has the bits of BIND_P2P_STREAM_REQUEST and UNBIND_P2P_STREAM_REQUEST. */
    ADVERTISES_P2P_STREAMS("the device advertises BIND_P2P_STREAM_REQUEST and UNBIND_P2P_STREAM_REQUEST in "
            + "TDISP_CAPABILITIES REQ_MSGS_SUPPORTED"),
    /** LOCK_INTERFACE_FLAGS_SUPPORTED has NO_FW_UPDATE. */
    ADVERTISES_NO_FW_UPDATE("the device advertises NO_FW_UPDATE in TDISP_CAPABILITIES LOCK_INTERFACE_FLAGS_SUPPORTED"),
    /** LOCK_INTERFACE_FLAGS_SUPPORTED has LOCK_MSIX. */
    ADVERTISES_LOCK_MSIX("the device advertises LOCK_MSIX in TDISP_CAPABILITIES LOCK_INTERFACE_FLAGS_SUPPORTED"),
    /** REQ_MSGS_SUPPORTED has the bit of SET_MMIO_ATTRIBUTE_REQUEST. */
    ADVERTISES_SET_MMIO_ATTRIBUTE("the device advertises SET_MMIO_ATTRIBUTE_REQUEST in TDISP_CAPABILITIES "
            + "REQ_MSGS_SUPPORTED"),
    /** Device Capabilities of the function has Function Level Reset Capability (bit 28). */
    HAS_FLR("the function's Device Capabilities register has Function Level Reset Capability (bit 28)"),
    /** The kit and the device negotiate SPDM 1.2 or later. */
    NEGOTIATES_SPDM_1_2("the device and the kit negotiate SPDM 1.2 or later"),
    /** CAPABILITIES has MEAS_CAP 10b: signed measurements. */
    ADVERTISES_SIGNED_MEASUREMENTS("the device advertises signed measurements (MEAS_CAP 10b) in CAPABILITIES and "
            + "selects the DMTF measurement specification in ALGORITHMS"),
    /** CAPABILITIES has HBEAT_CAP and KEY_EXCHANGE_RSP a HeartbeatPeriod other than 0. */
    ADVERTISES_HEARTBEAT("the device advertises HBEAT_CAP in CAPABILITIES and announces a HeartbeatPeriod in "
            + "KEY_EXCHANGE_RSP"),
    /** VERSION has the SPDM version a test case is about. */
    OFFERS_SPDM_VERSION("the device offers the case's SPDM version in VERSION"),
    /** CAPABILITIES has HANDSHAKE_IN_THE_CLEAR_CAP. */
    ADVERTISES_HANDSHAKE_IN_THE_CLEAR("the device advertises HANDSHAKE_IN_THE_CLEAR_CAP in CAPABILITIES"),
    /** CAPABILITIES has KEY_UPD_CAP. */
    ADVERTISES_KEY_UPDATE("the device advertises KEY_UPD_CAP in CAPABILITIES"),
    /** The interface report of a locked TDI has an MMIO range with IS_MEM_ATTR_UPDATABLE. */
    REPORTS_UPDATABLE_RANGE("the TDI's interface report has an MMIO range marked IS_MEM_ATTR_UPDATABLE"),
    /** The function has the capability whose control register a case changes, and the bit the kit toggles is writable. */
    HAS_WRITABLE_CAPABILITY_CONTROL("the function has the capability whose control register the case changes, and"
            + " that register takes the change of the bit the kit toggles"),
    /** The function has an Expansion ROM: its base address register keeps address bits the kit writes. */
    HAS_EXPANSION_ROM("the function has an Expansion ROM, whose base address register takes an address"),
    /** Phantom Functions Enable of the function's Device Control takes a 1 (a function with Phantom Functions). */
    HAS_PHANTOM_FUNCTIONS("Phantom Functions Enable in the function's Device Control takes a 1 (Phantom Functions"
            + " Supported)");

    private final String when;

    Condition(String when) {
        this.when = when;
    }

    /** The fact, as the rule's "when ..." clause states it. */
    public String when() {
        return when;
    }
}
