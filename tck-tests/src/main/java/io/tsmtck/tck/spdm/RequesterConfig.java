package io.tsmtck.tck.spdm;

import io.tsmtck.api.spdm.algorithm.AeadAlgorithm;
import io.tsmtck.api.spdm.algorithm.AsymAlgorithm;
import io.tsmtck.api.spdm.algorithm.DheGroup;
import io.tsmtck.api.spdm.algorithm.HashAlgorithm;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.spdm.message.CapabilityFlag;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the kit's SPDM requester offers and whom it trusts.
 *
 * @param versions the versions it speaks; the highest common one with VERSION is used
 * @param hashes base hashes offered
 * @param asyms signature algorithms offered
 * @param dheGroups DHE groups offered
 * @param aeads AEAD suites offered
 * @param flags GET_CAPABILITIES flags
 * @param dataTransferSize DataTransferSize and MaxSPDMmsgSize
 * @param certificateChunk the Length of each GET_CERTIFICATE (the chain is read in portions of at most this)
 * @param trustAnchor the root the device's chain must end at
 * @param clock the time certificates must be valid at
 * @param notReadyRetries how many RESPOND_IF_READY follow one ResponseNotReady before giving up
 */
public record RequesterConfig(List<SpdmVersion> versions, Set<HashAlgorithm> hashes, Set<AsymAlgorithm> asyms,
                              Set<DheGroup> dheGroups, Set<AeadAlgorithm> aeads, Set<CapabilityFlag> flags,
                              int dataTransferSize, int certificateChunk, X509Certificate trustAnchor, Clock clock,
                              int notReadyRetries) {

    public RequesterConfig {
        versions = List.copyOf(versions);
        hashes = Set.copyOf(hashes);
        asyms = Set.copyOf(asyms);
        dheGroups = Set.copyOf(dheGroups);
        aeads = Set.copyOf(aeads);
        flags = Set.copyOf(flags);
        Objects.requireNonNull(trustAnchor, "trustAnchor");
        Objects.requireNonNull(clock, "clock");
        if (certificateChunk < 1 || certificateChunk > 0xFFFF) {
            throw new IllegalArgumentException("certificateChunk must be 1..65535: " + certificateChunk);
        }
    }

    /** Every version and algorithm the kit implements, trusting {@code anchor}. */
    public static RequesterConfig standard(X509Certificate anchor) {
        return new RequesterConfig(List.of(SpdmVersion.V1_1, SpdmVersion.V1_2, SpdmVersion.V1_3),
                EnumSet.allOf(HashAlgorithm.class), EnumSet.allOf(AsymAlgorithm.class), EnumSet.allOf(DheGroup.class),
                EnumSet.allOf(AeadAlgorithm.class),
                EnumSet.of(CapabilityFlag.CERT_CAP, CapabilityFlag.CHAL_CAP, CapabilityFlag.ENCRYPT_CAP,
                        CapabilityFlag.MAC_CAP, CapabilityFlag.KEY_EX_CAP, CapabilityFlag.HBEAT_CAP,
                        CapabilityFlag.KEY_UPD_CAP),
                4608, 1024, anchor, Clock.systemUTC(), 8);
    }

    /** This configuration offering only {@code suite}'s algorithms. */
    public RequesterConfig offering(io.tsmtck.api.spdm.algorithm.AlgorithmSuite suite) {
        return new RequesterConfig(versions, Set.of(suite.hash()), Set.of(suite.asym()), Set.of(suite.dhe()),
                Set.of(suite.aead()), flags, dataTransferSize, certificateChunk, trustAnchor, clock, notReadyRetries);
    }

    /** This configuration speaking only {@code version}. */
    public RequesterConfig speaking(SpdmVersion version) {
        return new RequesterConfig(List.of(version), hashes, asyms, dheGroups, aeads, flags, dataTransferSize,
                certificateChunk, trustAnchor, clock, notReadyRetries);
    }

    /** This configuration with {@code flag} among its GET_CAPABILITIES flags. */
    public RequesterConfig flagging(CapabilityFlag flag) {
        Set<CapabilityFlag> more = EnumSet.of(flag);
        more.addAll(flags);
        return new RequesterConfig(versions, hashes, asyms, dheGroups, aeads, more, dataTransferSize,
                certificateChunk, trustAnchor, clock, notReadyRetries);
    }

    /** This configuration reading the chain in portions of {@code chunk} bytes. */
    public RequesterConfig withCertificateChunk(int chunk) {
        return new RequesterConfig(versions, hashes, asyms, dheGroups, aeads, flags, dataTransferSize, chunk,
                trustAnchor, clock, notReadyRetries);
    }

    /** This configuration validating certificates at the time of {@code at}. */
    public RequesterConfig at(Clock at) {
        return new RequesterConfig(versions, hashes, asyms, dheGroups, aeads, flags, dataTransferSize,
                certificateChunk, trustAnchor, at, notReadyRetries);
    }

    /** This configuration trusting {@code anchor}. */
    public RequesterConfig trusting(X509Certificate anchor) {
        return new RequesterConfig(versions, hashes, asyms, dheGroups, aeads, flags, dataTransferSize,
                certificateChunk, anchor, clock, notReadyRetries);
    }
}
