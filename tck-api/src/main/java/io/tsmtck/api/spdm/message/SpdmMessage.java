package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;

/**
 * One SPDM message (DSP0274): a four-byte header (SPDMVersion, RequestResponseCode, Param1,
 * Param2) and its fields. Each record encodes itself; {@link SpdmCodec} decodes any of them. The
 * version is the raw SPDMVersion byte, so that a message of a version this kit does not know can
 * still be represented and answered.
 */
public sealed interface SpdmMessage permits GetVersion, VersionResponse, GetCapabilities, CapabilitiesResponse,
        NegotiateAlgorithms, AlgorithmsResponse, GetDigests, DigestsResponse, GetCertificate, CertificateResponse,
        Challenge, ChallengeAuth, GetMeasurements, MeasurementsResponse, KeyExchange, KeyExchangeRsp, Finish, FinishRsp, SessionControl, ErrorResponse,
        RespondIfReady, VendorDefined {

    /** The SPDMVersion byte. */
    int version();

    /** The message code. */
    RequestResponseCode code();

    /** The message bytes. */
    ByteString encode();
}
