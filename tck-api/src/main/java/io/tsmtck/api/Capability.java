package io.tsmtck.api;

/**
 * Optional features a provider may declare. A rule that needs a feature the provider does not
 * declare is reported NOT_TESTED with the feature's description as what to implement; it never
 * fails.
 */
public enum Capability {
    /** The device answers BIND_P2P_STREAM_REQUEST and UNBIND_P2P_STREAM_REQUEST. */
    TDISP_BIND_P2P("the TDISP BIND_P2P_STREAM_REQUEST / UNBIND_P2P_STREAM_REQUEST messages (PCIe 6.x 11.3.18-21)"),
    /** The device answers SET_MMIO_ATTRIBUTE_REQUEST. */
    TDISP_SET_MMIO_ATTRIBUTE("the TDISP SET_MMIO_ATTRIBUTE_REQUEST message (PCIe 6.x 11.3.22)"),
    /** The device answers VDM_REQUEST. */
    TDISP_VDM("the TDISP VDM_REQUEST message (PCIe 6.x 11.3.23)"),
    /** The stack has SR-IOV virtual functions behind the DSM. */
    SRIOV("SR-IOV virtual functions of PF0 in the requested topology"),
    /** Several DSMs on different host bridges in one stack. */
    MULTIPLE_DSMS("more than one DSM per stack instance"),
    /** The responder can be reached in plaintext, to check that TDISP there is dropped. */
    PLAINTEXT_PROBE("sending SPDM messages outside a secured session through DeviceResponder"),
    /** {@link io.tsmtck.api.device.DeviceEvent.IdeStreamInsecure} can be injected. */
    EVENT_IDE_STREAM_INSECURE("DeviceEvents.inject(IdeStreamInsecure)"),
    /** {@link io.tsmtck.api.device.DeviceEvent.SpdmSessionEnd} can be injected. */
    EVENT_SPDM_SESSION_END("DeviceEvents.inject(SpdmSessionEnd)"),
    /** {@link io.tsmtck.api.device.DeviceEvent.ConventionalReset} can be injected. */
    EVENT_CONVENTIONAL_RESET("DeviceEvents.inject(ConventionalReset)"),
    /** {@link io.tsmtck.api.device.DeviceEvent.PowerStateLoss} can be injected. */
    EVENT_POWER_STATE_LOSS("DeviceEvents.inject(PowerStateLoss)"),
    /** {@link io.tsmtck.api.device.DeviceEvent.PoisonedTlp} can be injected. */
    EVENT_POISONED_TLP("DeviceEvents.inject(PoisonedTlp)");

    private final String toImplement;

    Capability(String toImplement) {
        this.toImplement = toImplement;
    }

    /** What a provider must implement to declare this capability. */
    public String toImplement() {
        return toImplement;
    }
}
