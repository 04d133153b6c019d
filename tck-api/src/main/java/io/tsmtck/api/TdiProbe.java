package io.tsmtck.api;

import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.PciAddress;

/**
 * A side channel to the device's view of its TDIs: an optional test hook of a host stack
 * ({@link Capability#TDI_PROBE}). An emulator reads its device model; a rig reads the device
 * through a path of its own (a debug port, a second SPDM requester the device allows). It must not
 * go through the TSM under test, and it never changes the device: a probe that sends TDISP
 * requests of its own must send only GET_DEVICE_INTERFACE_STATE.
 *
 * <p>Host rules have two clauses where a TDI is involved: what the host shows through its uAPIs
 * (errnos, {@code tsm/bound}, dma-bufs) and what the device then reports. Without a probe the kit
 * still checks the first, and reports the rule NOT_TESTED for the second, naming this hook; so a
 * stack without a probe is never CERTIFIED on such a rule.
 *
 * <p><b>Threading.</b> Safe for use from any thread.
 */
public interface TdiProbe {

    /**
     * The state the device holds for {@code function}'s TDI: CONFIG_UNLOCKED for a function that
     * was never locked.
     *
     * @throws IllegalArgumentException if {@code function} is not a function of the stack's topology
     */
    TdiState state(PciAddress function);
}
