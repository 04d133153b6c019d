package io.tsmtck.tck.device;

import io.tsmtck.api.device.SpdmChannel;
import io.tsmtck.api.idekm.IdeKmMessage;
import io.tsmtck.api.spdm.ProtocolId;
import io.tsmtck.api.spdm.VendorDefinedMessage;
import io.tsmtck.api.spdm.message.ErrorResponse;
import io.tsmtck.api.tdisp.DeviceInterfaceStateResponse;
import io.tsmtck.api.tdisp.GetTdispCapabilities;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.LockInterfaceRequest;
import io.tsmtck.api.tdisp.LockInterfaceResponse;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.StartInterfaceRequest;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tdisp.TdispCapabilitiesResponse;
import io.tsmtck.api.tdisp.TdispHeader;
import io.tsmtck.api.tdisp.TdispMessage;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.binding.OracleCheck;
import io.tsmtck.tck.binding.RuleContext;
import io.tsmtck.tck.setup.Setup;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The kit's TDISP and IDE_KM requester for one function, speaking over the SPDM session the kit
 * itself opened with the function's DSM (or plaintext, where a test asks). Every exchange is recorded
 * in the running test's transcript.
 */
public final class TdispClient {

    /** A DOE object is whole dwords: up to three bytes of padding follow a plaintext answer. */
    private static final int DOE_PADDING = 3;

    private final KitLink responder;
    private final OracleCheck oracle;
    private final Supplier<SpdmChannel> channel;
    private final IntSupplier defaultStream;
    /** Told of every IDE_KM object sent (its bytes): IDE keys a test changes may end the kit's session with it. */
    private final Consumer<ByteString> ideKmSent;
    /** Told of every TDISP request that may move the TDI, and of every state read. */
    private final TdiWatch watch;
    private final PciFunction function;

    /** What the device subject keeps of the TDI a client speaks to. */
    interface TdiWatch {
        /** A request that is not a read went to the TDI: it may have left the state it was in. */
        void moving();

        /** GET_DEVICE_INTERFACE_STATE read {@code state}. */
        void read(TdiState state);
    }

    /** {@code channel}: how the kit's requests reach the device (a session, or plaintext in a plaintext run). */
    TdispClient(KitLink responder, OracleCheck oracle, Supplier<SpdmChannel> channel,
                IntSupplier defaultStream, PciFunction function, Consumer<ByteString> ideKmSent,
                TdiWatch watch) {
        this.responder = responder;
        this.oracle = oracle;
        this.channel = channel;
        this.defaultStream = defaultStream;
        this.function = function;
        this.ideKmSent = ideKmSent;
        this.watch = watch;
    }

    /** A TDISP 1.0 header for this function's TDI. */
    public TdispHeader header() {
        return TdispHeader.v10(function.interfaceId());
    }

    /** Sends a TDISP request over the session. */
    public TdispAnswer send(TdispMessage request) {
        return sendRaw(request.encode());
    }

    /** Sends {@code request} as a set-up step: any answer but a {@code response} fails the set-up. */
    public void sendStep(TdispMessage request, MessageType response, String step) {
        TdispAnswer answer = send(request);
        if (answer.message().filter(m -> m.type() == response).isEmpty()) {
            throw Setup.failed(step, "got " + answer);
        }
    }

    /** Sends TDISP bytes (well-formed or not) over the session. */
    public TdispAnswer sendRaw(ByteString tdisp) {
        noteMoving(tdisp);
        return exchange(channel(), ProtocolId.TDISP, tdisp);
    }

    /** Sends TDISP bytes outside any session. */
    public TdispAnswer sendPlaintext(ByteString tdisp) {
        noteMoving(tdisp);
        return exchange(SpdmChannel.plaintext(), ProtocolId.TDISP, tdisp);
    }

    /**
     * Tells {@link #watch} of a request other than GET_TDISP_CAPABILITIES, GET_DEVICE_INTERFACE_REPORT
     * and GET_DEVICE_INTERFACE_STATE (GET_TDISP_VERSION included: a device may re-home its TDI on it, as
     * spdm-emu does), well formed or not.
     */
    private void noteMoving(ByteString tdisp) {
        int type = tdisp.size() >= 2 ? tdisp.get(1) & 0xFF : -1;
        if (type != MessageType.GET_TDISP_CAPABILITIES.code() && type != MessageType.GET_DEVICE_INTERFACE_REPORT.code()
                && type != MessageType.GET_DEVICE_INTERFACE_STATE.code()) {
            watch.moving();
        }
    }

    /** Sends an IDE_KM object over the session; the answer decoded, if any. */
    public IdeKmAnswer ideKm(IdeKmMessage request) {
        return ideKmRaw(request.encode());
    }

    /** Sends IDE_KM bytes (well-formed or not) over the session; what came back. */
    public IdeKmAnswer ideKmRaw(ByteString request) {
        ideKmSent.accept(request);
        TdispAnswer answer = exchange(channel(), ProtocolId.IDE_KM, request);
        return new IdeKmAnswer(request, answer.raw(), answer.spdmError());
    }

    /** Sends an IDE_KM object outside any session; whether anything came back. */
    public boolean ideKmAnsweredInPlaintext(IdeKmMessage request) {
        ideKmSent.accept(request.encode());
        return !exchange(SpdmChannel.plaintext(), ProtocolId.IDE_KM, request.encode()).isDropped();
    }

    /** The device's TDISP_CAPABILITIES, asked with GET_TDISP_CAPABILITIES; any other answer fails setup. */
    public TdispCapabilitiesResponse capabilities() {
        TdispAnswer answer = send(new GetTdispCapabilities(header(), 0));
        return answer.message().filter(TdispCapabilitiesResponse.class::isInstance)
                .map(TdispCapabilitiesResponse.class::cast)
                .orElseThrow(() -> Setup.failed("read the TDISP capabilities of " + function.address(),
                        "GET_TDISP_CAPABILITIES got " + answer));
    }

    /** The TDI state, asked from the device with GET_DEVICE_INTERFACE_STATE. */
    public TdiState state() {
        TdispAnswer answer = send(HeaderOnlyMessage.getState(header()));
        TdiState state = answer.message().filter(DeviceInterfaceStateResponse.class::isInstance)
                .map(m -> ((DeviceInterfaceStateResponse) m).state())
                .orElseThrow(() -> Setup.failed("read the TDI state of " + function.address(),
                        "GET_DEVICE_INTERFACE_STATE got " + answer));
        watch.read(state);
        return state;
    }

    /**
     * Locks the TDI as the TSM would (default stream: the TSM's IDE stream), with {@code flags};
     * returns the START nonce. A refusal fails the test as a setup failure.
     */
    public ByteString lock(int flags, long mmioReportingOffset) {
        LockInterfaceRequest lock = new LockInterfaceRequest(header(), flags, defaultStream(), mmioReportingOffset, 0);
        TdispAnswer answer = send(lock);
        return answer.message().filter(LockInterfaceResponse.class::isInstance)
                .map(m -> ((LockInterfaceResponse) m).nonce())
                .orElseThrow(() -> Setup.failed("LOCK_INTERFACE_REQUEST " + function.address(), "got " + answer));
    }

    /**
     * Locks with no flags and no reporting offset: no flag is required of a device (LOCK_INTERFACE_FLAGS_SUPPORTED
     * says which it takes), so a device that refuses one fails the rule about it, not every rule that locks.
     */
    public ByteString lock() {
        return lock(0, 0);
    }

    /** START_INTERFACE_REQUEST with {@code nonce}. */
    public TdispAnswer start(ByteString nonce) {
        return send(new StartInterfaceRequest(header(), nonce));
    }

    /** The IDE stream the TSM set up, which a LOCK names as its default stream. */
    public int defaultStream() {
        return defaultStream.getAsInt();
    }

    private SpdmChannel channel() {
        return channel.get();
    }

    private TdispAnswer exchange(SpdmChannel channel, ProtocolId protocol, ByteString requestBody) {
        ByteString request = VendorDefinedMessage.request(protocol, requestBody).encode();
        Optional<ByteString> answer = responder.exchange(channel, request);
        RuleContext.current().ifPresent(c -> c.transcript().record(describe(channel, protocol),
                responder.asSent(request), answer.orElse(null)));
        // an answer that is not a VENDOR_DEFINED_RESPONSE (an SPDM ERROR) is still an answer: kept whole
        Optional<ByteString> body = answer.flatMap(bytes -> VendorDefinedMessage.decode(bytes, DOE_PADDING)
                .asOptional().map(VendorDefinedMessage::body));
        Optional<ByteString> answered = body.or(() -> answer);
        Optional<ErrorResponse> spdmError = body.isPresent() ? Optional.empty()
                : answer.flatMap(DeviceReply::spdmError);
        if (protocol == ProtocolId.TDISP && channel instanceof SpdmChannel.Secured) {
            oracle.answered(function, answered, "to the kit's request");
        }
        return new TdispAnswer(requestBody, answered, spdmError);
    }

    private static String describe(SpdmChannel channel, ProtocolId protocol) {
        String via = channel instanceof SpdmChannel.Secured secured ? secured.session().toString() : "plaintext";
        return protocol + " (" + via + ")";
    }
}
