package io.tsmtck.api;

/**
 * Test hooks a provider may declare: ways for the kit to reach the device or the platform that a
 * real kernel uAPI does not give (event injection, a plaintext path to the responder). A rule whose
 * test needs a hook the provider does not declare is NOT_TESTED with the hook as what to implement,
 * and a NOT_TESTED MUST rule never yields CERTIFIED: declaring fewer hooks cannot make a run pass.
 *
 * <p>What a subject has or advertises (virtual functions, several DSMs, optional TDISP requests in
 * REQ_MSGS_SUPPORTED) is not a hook: the kit reads it from the topology or from the device, and a
 * rule it rules out is NOT_APPLICABLE with that fact stated.
 */
public enum Capability {
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
