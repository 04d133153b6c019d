package io.tsmtck.api.spdm.session;

import io.tsmtck.api.spdm.algorithm.AlgorithmSuite;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.spdm.message.Finish;
import io.tsmtck.api.spdm.message.FinishRsp;
import io.tsmtck.api.spdm.message.KeyExchange;
import io.tsmtck.api.spdm.message.KeyExchangeRsp;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.WireWriter;
import java.util.Objects;

/**
 * The transcripts of a KEY_EXCHANGE handshake, as both ends compute them (DSP0274 "Transcript and
 * transcript hash calculation"): message A (VCA: GET_VERSION to ALGORITHMS), the hash of the chosen
 * slot's certificate chain, then KEY_EXCHANGE, KEY_EXCHANGE_RSP, FINISH, FINISH_RSP. GET_DIGESTS and
 * GET_CERTIFICATE are not part of it.
 *
 * <p>Threading: immutable, safe to share.
 */
public final class KeyExchangeTranscript {

    private final SpdmVersion version;
    private final AlgorithmSuite suite;
    private final ByteString prefix;
    private final KeySchedule schedule;

    /**
     * @param version the negotiated version
     * @param suite the negotiated algorithms
     * @param vca message A
     * @param chainDigest Hash(Ct) of the slot KEY_EXCHANGE names
     */
    public KeyExchangeTranscript(SpdmVersion version, AlgorithmSuite suite, ByteString vca, ByteString chainDigest) {
        this.version = Objects.requireNonNull(version, "version");
        this.suite = Objects.requireNonNull(suite, "suite");
        this.prefix = WireWriter.littleEndian().bytes(vca).bytes(chainDigest).toByteString();
        this.schedule = new KeySchedule(version, suite.hash(), suite.aead());
    }

    public KeySchedule schedule() {
        return schedule;
    }

    /** What the responder signs in KEY_EXCHANGE_RSP. */
    public byte[] toBeSigned(KeyExchange request, KeyExchangeRsp response) {
        byte[] transcript = concat(prefix, request.encode(), response.beforeSignature()).toByteArray();
        return SignedMessages.toBeSigned(version, suite.hash(), SignedMessages.KEY_EXCHANGE_RSP, transcript);
    }

    /** Hash of TH1: up to and with the signature, without ResponderVerifyData. */
    public ByteString th1Hash(KeyExchange request, KeyExchangeRsp response) {
        return hash(concat(prefix, request.encode(), response.beforeVerifyData()));
    }

    /** The handshake secrets from the DHE shared secret. */
    public HandshakeSecrets handshake(ByteString sharedSecret, KeyExchange request, KeyExchangeRsp response) {
        return schedule.handshake(sharedSecret, th1Hash(request, response));
    }

    /** ResponderVerifyData: HMAC(response finished key, TH1 hash). */
    public ByteString responderVerifyData(HandshakeSecrets secrets, KeyExchange request, KeyExchangeRsp response) {
        return schedule.verifyData(schedule.finishedKey(secrets.response()), th1Hash(request, response));
    }

    /** RequesterVerifyData: HMAC(request finished key, hash up to FINISH's header). */
    public ByteString requesterVerifyData(HandshakeSecrets secrets, KeyExchange request, KeyExchangeRsp response,
                                          Finish finish) {
        ByteString transcript = concat(prefix, request.encode(), response.encode(), finish.header());
        return schedule.verifyData(schedule.finishedKey(secrets.request()), hash(transcript));
    }

    /**
     * ResponderVerifyData of FINISH_RSP when the handshake is in the clear: HMAC(response finished
     * key, hash up to FINISH_RSP's header), FINISH whole (libspdm_generate_finish_rsp_hmac, 1e16c60f).
     * KEY_EXCHANGE_RSP then carries no ResponderVerifyData of its own.
     */
    public ByteString finishRspVerifyData(HandshakeSecrets secrets, KeyExchange request, KeyExchangeRsp response,
                                          Finish finish, FinishRsp finishRsp) {
        ByteString transcript = concat(prefix, request.encode(), response.encode(), finish.encode(),
                finishRsp.header());
        return schedule.verifyData(schedule.finishedKey(secrets.response()), hash(transcript));
    }

    /** The data secrets from TH2: the handshake messages whole, FINISH and FINISH_RSP. */
    public DataSecrets data(HandshakeSecrets secrets, KeyExchange request, KeyExchangeRsp response, Finish finish,
                            FinishRsp finishRsp) {
        return schedule.data(secrets, th2Hash(request, response, finish, finishRsp));
    }

    /**
     * TH2's hash: message A, Hash(Ct), KEY_EXCHANGE, KEY_EXCHANGE_RSP, FINISH and FINISH_RSP with the negotiated
     * hash. Both ends compute it, and the responder's signature and verify data cover its first part, so it names
     * one session with one device.
     */
    public ByteString th2Hash(KeyExchange request, KeyExchangeRsp response, Finish finish, FinishRsp finishRsp) {
        return hash(concat(prefix, request.encode(), response.encode(), finish.encode(), finishRsp.encode()));
    }

    private ByteString hash(ByteString bytes) {
        return ByteString.of(suite.hash().digest(bytes.toByteArray()));
    }

    private static ByteString concat(ByteString... parts) {
        WireWriter out = WireWriter.littleEndian();
        for (ByteString part : parts) {
            out.bytes(part);
        }
        return out.toByteString();
    }
}
