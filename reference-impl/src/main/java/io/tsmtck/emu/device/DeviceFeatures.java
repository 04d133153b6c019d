package io.tsmtck.emu.device;

/**
 * Which optional TDISP requests the emulated device implements.
 *
 * @param p2p BIND_P2P_STREAM_REQUEST and UNBIND_P2P_STREAM_REQUEST
 * @param setMmioAttribute SET_MMIO_ATTRIBUTE_REQUEST
 * @param vdm VDM_REQUEST
 */
public record DeviceFeatures(boolean p2p, boolean setMmioAttribute, boolean vdm) {

    /** Every optional request. */
    public static DeviceFeatures all() {
        return new DeviceFeatures(true, true, true);
    }
}
