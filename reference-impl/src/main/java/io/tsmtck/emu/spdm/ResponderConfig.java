package io.tsmtck.emu.spdm;

import io.tsmtck.emu.faults.FaultPlan;
import io.tsmtck.api.spdm.algorithm.AeadAlgorithm;
import io.tsmtck.api.spdm.algorithm.AsymAlgorithm;
import io.tsmtck.api.spdm.algorithm.DheGroup;
import io.tsmtck.api.spdm.algorithm.HashAlgorithm;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.spdm.message.CapabilityFlag;
import io.tsmtck.api.spdm.message.RequestResponseCode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the reference SPDM responder supports, in order of preference.
 *
 * @param versions the versions VERSION offers
 * @param hashes base hashes, preferred first
 * @param asyms signature algorithms, preferred first (each needs a {@link DeviceIdentity})
 * @param dheGroups DHE groups, preferred first
 * @param aeads AEAD suites, preferred first
 * @param flags the CAPABILITIES flags
 * @param dataTransferSize DataTransferSize (and the largest CERTIFICATE portion it sends, less the header)
 * @param maxSessions how many sessions may be open at once
 * @param notReady requests whose first occurrence is answered with ERROR(ResponseNotReady), the
 *     response following a RESPOND_IF_READY (to exercise a requester's retry)
 * @param faults the SPDM-binding faults of the device this responder serves (none for a correct one)
 * @param measurements what GET_MEASUREMENTS reports (with MEAS_CAP in {@code flags})
 * @param heartbeatPeriod the HeartbeatPeriod of KEY_EXCHANGE_RSP in seconds (with HBEAT_CAP), 0 for none
 */
public record ResponderConfig(List<SpdmVersion> versions, List<HashAlgorithm> hashes, List<AsymAlgorithm> asyms,
                              List<DheGroup> dheGroups, List<AeadAlgorithm> aeads, Set<CapabilityFlag> flags,
                              int dataTransferSize, int maxSessions, Set<RequestResponseCode> notReady,
                              FaultPlan faults, DeviceMeasurements measurements, int heartbeatPeriod) {

    public ResponderConfig {
        versions = List.copyOf(versions);
        hashes = List.copyOf(hashes);
        asyms = List.copyOf(asyms);
        dheGroups = List.copyOf(dheGroups);
        aeads = List.copyOf(aeads);
        flags = Set.copyOf(flags);
        notReady = Set.copyOf(notReady);
        faults = faults == null ? FaultPlan.NONE : faults;
        if (heartbeatPeriod < 0 || heartbeatPeriod > 0xFF) {
            throw new IllegalArgumentException("HeartbeatPeriod is one byte of seconds: " + heartbeatPeriod);
        }
    }

    /** This configuration for a device with {@code plan}. */
    public ResponderConfig withFaults(FaultPlan plan) {
        return new ResponderConfig(versions, hashes, asyms, dheGroups, aeads, flags, dataTransferSize, maxSessions,
                notReady, plan, measurements, heartbeatPeriod);
    }

    /**
     * Every version and algorithm this kit implements; certificates, CHALLENGE, signed measurements
     * (the {@link DeviceMeasurements#reference() reference device's}), key exchange, encryption,
     * heartbeat, key update, the handshake in the clear for a requester that asks for it; four
     * sessions at once. The HeartbeatPeriod is 2 s: a session that hears
     * nothing for 4 s ends, short enough for the kit to see it happen within its default budget
     * ({@code tsm-tck.timeout.heartbeat}), long enough for every other test to use a session without
     * heartbeats.
     */
    public static ResponderConfig standard() {
        return new ResponderConfig(List.of(SpdmVersion.V1_1, SpdmVersion.V1_2, SpdmVersion.V1_3),
                List.of(HashAlgorithm.SHA_384, HashAlgorithm.SHA_256, HashAlgorithm.SHA_512),
                List.of(AsymAlgorithm.ECDSA_P384, AsymAlgorithm.ECDSA_P256),
                List.of(DheGroup.SECP384R1, DheGroup.SECP256R1),
                List.of(AeadAlgorithm.AES_256_GCM, AeadAlgorithm.AES_128_GCM, AeadAlgorithm.CHACHA20_POLY1305),
                EnumSet.of(CapabilityFlag.CERT_CAP, CapabilityFlag.CHAL_CAP, CapabilityFlag.MEAS_CAP_SIG,
                        CapabilityFlag.ENCRYPT_CAP,
                        CapabilityFlag.MAC_CAP, CapabilityFlag.KEY_EX_CAP, CapabilityFlag.HBEAT_CAP,
                        CapabilityFlag.KEY_UPD_CAP, CapabilityFlag.HANDSHAKE_IN_THE_CLEAR_CAP),
                4096, 4, Set.of(), FaultPlan.NONE, DeviceMeasurements.reference(), 2);
    }

    /** This configuration answering the first of each of {@code requests} with ResponseNotReady. */
    public ResponderConfig withNotReady(Set<RequestResponseCode> requests) {
        return new ResponderConfig(versions, hashes, asyms, dheGroups, aeads, flags, dataTransferSize, maxSessions,
                requests, faults, measurements, heartbeatPeriod);
    }

    /** The Flags field. */
    public long flagBits() {
        return CapabilityFlag.of(flags);
    }
}
