package io.tsmtck.emu.device;

import io.tsmtck.api.device.SpdmSessionId;
import io.tsmtck.api.tdisp.DeviceInterfaceReportResponse;
import io.tsmtck.api.tdisp.DeviceInterfaceStateResponse;
import io.tsmtck.api.tdisp.GetDeviceInterfaceReport;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.InterfaceId;
import io.tsmtck.api.tdisp.LockFlag;
import io.tsmtck.api.tdisp.LockInterfaceRequest;
import io.tsmtck.api.tdisp.LockInterfaceResponse;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.MmioRange;
import io.tsmtck.api.tdisp.P2pStreamRequest;
import io.tsmtck.api.tdisp.SetMmioAttributeRequest;
import io.tsmtck.api.tdisp.StartInterfaceRequest;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tdisp.TdispCapabilitiesResponse;
import io.tsmtck.api.tdisp.TdispCodec;
import io.tsmtck.api.tdisp.TdispError;
import io.tsmtck.api.tdisp.TdispErrorCode;
import io.tsmtck.api.tdisp.TdispHeader;
import io.tsmtck.api.tdisp.TdispMessage;
import io.tsmtck.api.tdisp.TdispVersionResponse;
import io.tsmtck.api.tdisp.VdmMessage;
import io.tsmtck.api.wire.ByteEditor;
import io.tsmtck.api.vfio.ConfigRegister;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeError;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.emu.stack.EmuContext;
import io.tsmtck.emu.faults.Fault;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The device's TDISP responder (PCIe Base 6.x 11.3): every request in every TDI state, per the
 * state table of 11.3 and the error rules of table 11-28. Requests are decoded leniently about
 * reserved fields (11.3.3) and strictly about length and codes.
 *
 * <p>Checks run in a fixed order (format, version, interface, support, state, request-specific);
 * the spec leaves precedence open, so the kit injects one fault at a time.
 *
 * <p>Threading: guarded by the owning device's lock.
 */
final class TdispResponder {

    private static final int MAX_REPORT_PORTION = 0x200;
    /** The most bytes a short request can lack and still be served under TDISP_SHORT_REQUEST_PADDED. */
    private static final int MAX_PADDING = 64;
    private static final int DEV_ADDR_WIDTH = 52;

    private final List<EmuFunction> functions;
    private final IdeKeyTable keys;
    private final DeviceFeatures features;
    /** The lock each stopped TDI had (kept only under TDISP_REPORT_SERVED_AFTER_STOP). */
    private final Map<Tdi, LockInterfaceRequest> stopped = new HashMap<>();
    private final EmuContext context;

    TdispResponder(List<EmuFunction> functions, IdeKeyTable keys, DeviceFeatures features, EmuContext context) {
        this.functions = List.copyOf(functions);
        this.keys = keys;
        this.features = features;
        this.context = context;
    }

    /**
     * One TDISP request as it came in a secured VENDOR_DEFINED_REQUEST (§11.2.2), decoded or refused as
     * malformed (§11.3.3, table 11-6: INVALID_REQUEST), answered, encoded.
     */
    ByteString handle(SpdmSessionId session, ByteString request) {
        ReservedPolicy policy = context.faults().value(Fault.TDISP_RESERVED_REJECTED, ReservedPolicy.IGNORE,
                ReservedPolicy.REJECT);
        DecodeResult<TdispMessage> decoded = TdispCodec.decode(request, policy);
        if (decoded instanceof DecodeResult.Malformed<TdispMessage> malformed) {
            Optional<TdispMessage> lenient = servedDespite(malformed.error(), request);
            if (lenient.isEmpty()) {
                return finish(answerMalformed(malformed.error(), request).encode());
            }
            decoded = DecodeResult.decoded(lenient.get());
        }
        return finish(respond(session, decoded.orElseThrow()).encode());
    }

    /** Applies the response-shape faults to an encoded response. */
    private ByteString finish(ByteString response) {
        byte[] bytes = response.toByteArray();
        if (context.faults().inject(Fault.TDISP_RESPONSE_WRONG_INTERFACE)) {
            bytes[4] = 0;
            bytes[5] = 0;
        }
        if (context.faults().inject(Fault.TDISP_RESPONSE_RESERVED_SET)) {
            bytes[2] = 1;
        }
        return ByteString.of(bytes);
    }

    /**
     * The checks every request meets before its own (§11.3.3, table 11-6): a request code (§11.3.1, table
     * 11-3), the version (VERSION_MISMATCH), the INTERFACE_ID (INVALID_INTERFACE), an optional request the
     * device serves (UNSUPPORTED_REQUEST naming it, §11.3.24 table 11-27).
     */
    private TdispMessage respond(SpdmSessionId session, TdispMessage request) {
        TdispHeader reply = TdispHeader.v10(context.faults().value(Fault.TDISP_RESPONSE_DSM_INTERFACE,
                request.interfaceId(), functions.get(0).info().interfaceId()));
        MessageType type = request.type();
        if (!type.isRequest()) {
            return TdispError.of(reply, TdispErrorCode.UNSUPPORTED_REQUEST, type.code());
        }
        if (!versionAccepted(request)) {
            return TdispError.of(reply, TdispErrorCode.VERSION_MISMATCH, 0);
        }
        Optional<EmuFunction> function = find(request.interfaceId());
        if (function.isEmpty()) {
            return TdispError.of(reply, TdispErrorCode.INVALID_INTERFACE, 0);
        }
        if (context.faults().inject(Fault.TDISP_ADVERTISED_SET_MMIO_UNSUPPORTED,
                type == MessageType.SET_MMIO_ATTRIBUTE_REQUEST)) {
            return TdispError.of(reply, TdispErrorCode.UNSUPPORTED_REQUEST, type.code()); // the defect: advertised
        }
        if (!supports(type)) {
            return TdispError.of(reply, TdispErrorCode.UNSUPPORTED_REQUEST, type.code());
        }
        return dispatch(session, request, function.get(), reply);
    }

    /** Each request to its handler, the reading ones answered here (§11.3.4-11.3.7, §11.3.12-11.3.13). */
    private TdispMessage dispatch(SpdmSessionId session, TdispMessage request, EmuFunction function,
                                  TdispHeader reply) {
        Tdi tdi = function.tdi();
        switch (request.type()) {
            case GET_TDISP_VERSION:
                if (context.faults().inject(Fault.TDISP_VERSION_RESETS_TDI)) {
                    tdi.reset();
                }
                if (context.faults().inject(Fault.TDISP_VERSION_LIST_ECHOES_REQUEST)) {
                    return new TdispVersionResponse(reply, List.of(request.header().version()));
                }
                return new TdispVersionResponse(reply, List.of(TdispHeader.VERSION_1_0));
            case GET_TDISP_CAPABILITIES:
                if (context.faults().inject(Fault.TDISP_CAPS_REFUSED_IN_ERROR, tdi.state() == TdiState.ERROR)) {
                    return invalidState(reply);
                }
                return capabilities(reply);
            case GET_DEVICE_INTERFACE_STATE:
                return new DeviceInterfaceStateResponse(reply, tdi.state());
            case LOCK_INTERFACE_REQUEST:
                return lock(session, (LockInterfaceRequest) request, function, reply);
            case GET_DEVICE_INTERFACE_REPORT:
                return report((GetDeviceInterfaceReport) request, function, reply);
            case START_INTERFACE_REQUEST:
                return start((StartInterfaceRequest) request, tdi, reply);
            case STOP_INTERFACE_REQUEST:
                return stop(tdi, reply);
            case BIND_P2P_STREAM_REQUEST:
            case UNBIND_P2P_STREAM_REQUEST:
                return p2p((P2pStreamRequest) request, tdi, reply);
            case SET_MMIO_ATTRIBUTE_REQUEST:
                return setMmioAttribute((SetMmioAttributeRequest) request, function, reply);
            default:
                VdmMessage vdm = (VdmMessage) request;
                return new VdmMessage(MessageType.VDM_RESPONSE, reply, vdm.payload());
        }
    }

    /** TDISP_CAPABILITIES (§11.3.7, table 11-9): the requests served, the LOCK flags taken, reserved fields zero. */
    private TdispMessage capabilities(TdispHeader reply) {
        Set<MessageType> supported = EnumSet.noneOf(MessageType.class);
        for (MessageType type : MessageType.values()) {
            if (type.isRequest() && supports(type)) {
                supported.add(type);
            }
        }
        if (context.faults().inject(Fault.TDISP_CAPS_MISS_MANDATORY)) {
            supported.remove(MessageType.START_INTERFACE_REQUEST);
        }
        if (context.faults().inject(Fault.TDISP_CAPS_HIDE_SERVED_VDM)) {
            supported.remove(MessageType.VDM_REQUEST); // the defect: still served below
        }
        int lockFlags = LockFlag.NO_FW_UPDATE.mask() | LockFlag.LOCK_MSIX.mask()
                | (features.p2p() ? LockFlag.BIND_P2P.mask() : 0);
        ByteString requests = TdispCapabilitiesResponse.requestBitmap(supported);
        if (context.faults().inject(Fault.TDISP_CAPS_RESERVED_BITS_SET)) {
            // the defect: a flag of a later revision advertised, and the bit past VDM_REQUEST (0x8C) set
            lockFlags |= 1 << 5;
            requests = ByteEditor.of(requests).set(1, requests.get(1) | 0x10).toByteString();
        }
        return new TdispCapabilitiesResponse(reply, 0, requests, lockFlags, DEV_ADDR_WIDTH, 1, 1);
    }

    /**
     * LOCK_INTERFACE_REQUEST (§11.3.8) and its response (§11.3.9, table 11-12): CONFIG_UNLOCKED only, the
     * default stream keyed over this session, no overlapping BARs; then CONFIG_LOCKED with a fresh nonce.
     */
    private TdispMessage lock(SpdmSessionId session, LockInterfaceRequest request, EmuFunction function,
                              TdispHeader reply) {
        Tdi tdi = function.tdi();
        if (context.faults().check(Fault.TDISP_LOCK_ANY_STATE, tdi.state() != TdiState.CONFIG_UNLOCKED)) {
            if (context.faults().inject(Fault.TDISP_REFUSED_LOCK_DROPS_NONCE)) {
                tdi.destroyNonce();
            }
            return invalidState(reply);
        }
        if (!lockKeysPresent(session, request.defaultStreamId())) {
            return TdispError.of(reply, TdispErrorCode.INVALID_REQUEST, 0);
        }
        if (context.faults().inject(Fault.TDISP_LOCK_UNADVERTISED_FLAG_REFUSED,
                (request.flags() & ~((TdispCapabilitiesResponse) capabilities(reply)).lockFlagsSupported()) != 0)) {
            return TdispError.of(reply, TdispErrorCode.INVALID_REQUEST, 0); // the defect: table 11-9 makes it no error
        }
        // §11.3.8: Phantom Functions Enabled is a configuration the device must refuse to lock
        if (context.faults().check(Fault.TDISP_LOCK_PHANTOM_FUNCTIONS_OK, (function.config().read(
                ConfigRegister.DEVICE_CONTROL) & ConfigRegister.DEVICE_CONTROL_PHANTOM_FUNCTIONS) != 0)) {
            return TdispError.of(reply, TdispErrorCode.INVALID_DEVICE_CONFIGURATION, 0);
        }
        // §11.3.8: an Expansion ROM base address configured to overlap with a BAR
        if (context.faults().check(Fault.TDISP_LOCK_ROM_OVER_BAR_OK, function.romOverlapsBar())) {
            return TdispError.of(reply, TdispErrorCode.INVALID_DEVICE_CONFIGURATION, 0);
        }
        boolean overlap = function.barsOverlap(context.faults());
        if (context.faults().check(Fault.TDISP_LOCK_OVERLAPPING_BARS_OK, overlap)) {
            return TdispError.of(reply, TdispErrorCode.INVALID_DEVICE_CONFIGURATION, 0);
        }
        ByteString nonce = newNonce(request.interfaceId());
        context.faults().step(Fault.TDISP_LOCK_ANSWERED_NOT_APPLIED, () -> tdi.lock(request, session, nonce));
        return new LockInterfaceResponse(reply, nonce);
    }

    /** IDE keys for every sub-stream of the default stream, programmed over the LOCK's session. */
    private boolean lockKeysPresent(SpdmSessionId session, int stream) {
        if (context.faults().inject(Fault.TDISP_LOCK_WITHOUT_KEYS)) {
            return true;
        }
        return keys.keysProgrammed(stream, context.faults().value(Fault.SPDM_LOCK_KEYS_ANY_SESSION,
                Optional.of(session), Optional.empty()));
    }

    private ByteString newNonce(InterfaceId interfaceId) {
        if (context.faults().inject(Fault.TDISP_NONCE_REUSED)) {
            return fixedNonce(interfaceId);
        }
        return ByteString.of(context.randomBytes(StartInterfaceRequest.NONCE_LENGTH));
    }

    private static ByteString fixedNonce(InterfaceId interfaceId) {
        try {
            byte[] fixed = MessageDigest.getInstance("SHA-256").digest(interfaceId.toString().getBytes());
            return ByteString.of(fixed);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /**
     * GET_DEVICE_INTERFACE_REPORT (§11.3.10) and DEVICE_INTERFACE_REPORT (§11.3.11, tables 11-15 and
     * 11-16): CONFIG_LOCKED or RUN, an OFFSET within the report, a portion of at most LENGTH bytes.
     */
    private TdispMessage report(GetDeviceInterfaceReport request, EmuFunction function, TdispHeader reply) {
        Tdi tdi = function.tdi();
        // the defect: the report of a lock a STOP ended, served again
        boolean stale = context.faults().inject(Fault.TDISP_REPORT_SERVED_AFTER_STOP, stopped.containsKey(tdi)
                && tdi.state() == TdiState.CONFIG_UNLOCKED);
        if (context.faults().check(Fault.TDISP_REPORT_ANY_STATE, !tdi.isLockedOrRunning()) && !stale) {
            return invalidState(reply);
        }
        if (context.faults().inject(Fault.TDISP_REPORT_REFUSED_IN_RUN, tdi.state() == TdiState.RUN)) {
            return invalidState(reply);
        }
        LockInterfaceRequest lock = stale ? stopped.get(tdi)
                : tdi.lock().orElse(new LockInterfaceRequest(reply, 0, 0, 0, 0));
        ByteString bytes = InterfaceReports.build(function, lock, context).encode();
        if (context.faults().inject(Fault.TDISP_REPORT_OFFSET_PAST_END_EMPTY, request.offset() >= bytes.size())) {
            // the defect: an OFFSET past the report answered with an empty last portion
            return new DeviceInterfaceReportResponse(reply, ByteString.EMPTY, 0);
        }
        if (request.length() == 0 || request.offset() >= bytes.size()) {
            return TdispError.of(reply, TdispErrorCode.INVALID_REQUEST, 0);
        }
        int asked = context.faults().value(Fault.TDISP_REPORT_PORTION_OVER_LENGTH, request.length(),
                MAX_REPORT_PORTION);
        int portion = Math.min(Math.min(asked, bytes.size() - request.offset()), MAX_REPORT_PORTION);
        int remainder = context.faults().value(Fault.TDISP_REPORT_REMAINDER_WRONG,
                bytes.size() - request.offset() - portion, 0);
        return new DeviceInterfaceReportResponse(reply, ByteString.copyOf(bytes.toByteArray(), request.offset(),
                portion), remainder);
    }

    /**
     * START_INTERFACE_REQUEST (§11.3.14) and its response (§11.3.15, table 11-19): CONFIG_LOCKED, the
     * lock's nonce, invalidated before the TDI moves to RUN.
     */
    private TdispMessage start(StartInterfaceRequest request, Tdi tdi, TdispHeader reply) {
        if (context.faults().check(Fault.TDISP_START_ANY_STATE, tdi.state() != TdiState.CONFIG_LOCKED)) {
            return invalidState(reply);
        }
        boolean nonceMatches = tdi.nonce().map(issued -> sameNonce(issued, request.nonce())).orElse(false);
        if (context.faults().inject(Fault.TDISP_START_ANY_STATE, tdi.state() != TdiState.CONFIG_LOCKED)) {
            nonceMatches = true; // outside CONFIG_LOCKED no nonce was issued: the fault lets START through
        }
        if (context.faults().check(Fault.TDISP_START_IGNORES_NONCE, !nonceMatches)) {
            if (context.faults().inject(Fault.TDISP_WRONG_NONCE_DESTROYS)) {
                tdi.destroyNonce();
            }
            return TdispError.of(reply, TdispErrorCode.INVALID_NONCE, 0);
        }
        context.faults().step(Fault.TDISP_START_NO_RUN, tdi::start);
        return new HeaderOnlyMessage(MessageType.START_INTERFACE_RESPONSE, reply);
    }

    private boolean sameNonce(ByteString issued, ByteString given) {
        if (context.faults().inject(Fault.TDISP_NONCE_PARTLY_COMPARED)) {
            int half = issued.size() / 2;
            return ByteString.copyOf(issued.toByteArray(), 0, half).equals(ByteString.copyOf(given.toByteArray(), 0,
                    Math.min(half, given.size())));
        }
        return issued.equals(given);
    }

    /** STOP_INTERFACE_REQUEST (§11.3.16-11.3.17): from any state to CONFIG_UNLOCKED, the lock and its nonce dropped. */
    private TdispMessage stop(Tdi tdi, TdispHeader reply) {
        if (context.faults().inject(Fault.TDISP_STOP_UNLOCKED_REFUSED, tdi.state() == TdiState.CONFIG_UNLOCKED)) {
            return invalidState(reply);
        }
        if (context.faults().inject(Fault.TDISP_STOP_KEEPS_ERROR, tdi.state() == TdiState.ERROR)) {
            return new HeaderOnlyMessage(MessageType.STOP_INTERFACE_RESPONSE, reply);
        }
        if (context.faults().inject(Fault.TDISP_REPORT_SERVED_AFTER_STOP, tdi.lock().isPresent())) {
            stopped.put(tdi, tdi.lock().get());
        }
        if (context.faults().inject(Fault.TDISP_STOP_KEEPS_P2P_BINDINGS)) {
            Set<Integer> bound = Set.copyOf(tdi.p2pStreams());
            tdi.stop();
            tdi.p2pStreams().addAll(bound); // the defect: the bindings outlive the lock they were made under
            return new HeaderOnlyMessage(MessageType.STOP_INTERFACE_RESPONSE, reply);
        }
        tdi.stop();
        if (context.faults().inject(Fault.TDISP_STOP_STOPS_EVERY_TDI)) {
            functions.forEach(other -> other.tdi().stop());
        }
        return new HeaderOnlyMessage(MessageType.STOP_INTERFACE_RESPONSE, reply);
    }

    /**
     * BIND_P2P_STREAM_REQUEST and UNBIND_P2P_STREAM_REQUEST (§11.3.18-11.3.21, tables 11-21 and 11-23):
     * RUN only; a bind refused for the default stream or keys missing or of another session, an unbind
     * for a stream not bound.
     */
    private TdispMessage p2p(P2pStreamRequest request, Tdi tdi, TdispHeader reply) {
        if (context.faults().check(Fault.TDISP_P2P_ANY_STATE, tdi.state() != TdiState.RUN)) {
            return invalidState(reply);
        }
        int stream = request.streamId();
        boolean bind = request.type() == MessageType.BIND_P2P_STREAM_REQUEST;
        boolean defaultStream = tdi.lock().map(l -> l.defaultStreamId() == stream).orElse(false);
        if (context.faults().inject(Fault.TDISP_P2P_BIND_REFUSED, bind)) {
            return TdispError.of(reply, TdispErrorCode.INVALID_REQUEST, 0);
        }
        boolean valid = bind
                ? !context.faults().check(Fault.TDISP_P2P_DEFAULT_STREAM_OK, defaultStream)
                        && p2pKeysPresent(tdi, stream) && tdi.p2pStreams().add(stream)
                : !context.faults().check(Fault.TDISP_UNBIND_P2P_UNKNOWN_OK, !unbind(tdi, stream));
        if (!valid) {
            return TdispError.of(reply, TdispErrorCode.INVALID_REQUEST, 0);
        }
        return new HeaderOnlyMessage(bind ? MessageType.BIND_P2P_STREAM_RESPONSE
                : MessageType.UNBIND_P2P_STREAM_RESPONSE, reply);
    }

    /** IDE keys for every sub-stream of {@code stream}, programmed over the session the TDI was locked in. */
    private boolean p2pKeysPresent(Tdi tdi, int stream) {
        Optional<SpdmSessionId> session = context.faults().value(Fault.TDISP_P2P_KEYS_ANY_SESSION, tdi.lockSession(),
                Optional.empty());
        return !context.faults().check(Fault.TDISP_P2P_KEYS_UNCHECKED, !keys.keysProgrammed(stream, session));
    }

    /** Forgets a bound P2P stream; false if it was not bound. */
    private boolean unbind(Tdi tdi, int stream) {
        if (context.faults().inject(Fault.TDISP_UNBIND_P2P_KEEPS_STREAM)) {
            return tdi.p2pStreams().contains(stream);
        }
        return tdi.p2pStreams().remove(stream);
    }

    /**
     * SET_MMIO_ATTRIBUTE_REQUEST (§11.3.22-11.3.23, table 11-25): RUN only, an updatable range of this
     * TDI, reserved attribute bits clear, at most its pages; a failure leaves the state as it was.
     */
    private TdispMessage setMmioAttribute(SetMmioAttributeRequest request, EmuFunction function, TdispHeader reply) {
        Tdi tdi = function.tdi();
        if (context.faults().check(Fault.TDISP_P2P_ANY_STATE, tdi.state() != TdiState.RUN)) {
            return invalidState(reply);
        }
        LockInterfaceRequest lock = tdi.lock().orElse(new LockInterfaceRequest(reply, 0, 0, 0, 0));
        Optional<MmioRange> range = InterfaceReports.range(function, lock, context, request.rangeId());
        boolean valid = (request.attributes() & 0x3) == 0 && range.isPresent()
                && !context.faults().check(Fault.TDISP_SET_MMIO_NOT_UPDATABLE_OK,
                        (range.get().attributes() & MmioRange.ATTR_IS_MEM_ATTR_UPDATABLE) == 0)
                && request.numberOfPages() > 0
                && !context.faults().check(Fault.TDISP_SET_MMIO_PAGES_UNCHECKED,
                        request.numberOfPages() > range.get().numberOfPages());
        if (context.faults().inject(Fault.TDISP_SET_MMIO_WHOLE_RANGE_REFUSED,
                valid && request.numberOfPages() == range.get().numberOfPages())) {
            valid = false; // the defect: a request for every page of the range refused
        }
        if (!valid) {
            if (context.faults().inject(Fault.TDISP_SET_MMIO_FAILURE_CHANGES_STATE)) {
                tdi.fail();
            }
            return TdispError.of(reply, TdispErrorCode.INVALID_REQUEST, 0);
        }
        return new HeaderOnlyMessage(MessageType.SET_MMIO_ATTRIBUTE_RESPONSE, reply);
    }

    /** GET_TDISP_VERSION in any major-1 version (§11.3.4), every other request in 1.0 only (§11.3.3). */
    private boolean versionAccepted(TdispMessage request) {
        if (request.type() == MessageType.GET_TDISP_VERSION) {
            return context.faults().value(Fault.TDISP_GET_VERSION_EXACT, request.header().major() == 1,
                    request.header().version() == TdispHeader.VERSION_1_0);
        }
        return !context.faults().check(Fault.TDISP_VERSION_NOT_CHECKED,
                request.header().version() != TdispHeader.VERSION_1_0);
    }

    /** The mandatory requests (table 11-3) and the optional ones the device's features serve. */
    private boolean supports(MessageType type) {
        switch (type) {
            case BIND_P2P_STREAM_REQUEST:
            case UNBIND_P2P_STREAM_REQUEST:
                return features.p2p();
            case SET_MMIO_ATTRIBUTE_REQUEST:
                return features.setMmioAttribute();
            case VDM_REQUEST:
                return features.vdm();
            default:
                return type.isMandatoryRequest();
        }
    }

    private Optional<EmuFunction> find(InterfaceId id) {
        Optional<EmuFunction> found = functions.stream().filter(f -> f.info().interfaceId().equals(id)).findFirst();
        if (context.faults().inject(Fault.TDISP_UNKNOWN_INTERFACE_SERVED, found.isEmpty())) {
            return Optional.of(functions.get(0));
        }
        return found;
    }

    private static TdispMessage invalidState(TdispHeader reply) {
        return TdispError.of(reply, TdispErrorCode.INVALID_INTERFACE_STATE, 0);
    }

    /**
     * Under the length faults, an oversized request is served as if its extra bytes were not there,
     * and a short one as if zeros made up what is missing.
     */
    private Optional<TdispMessage> servedDespite(DecodeError error, ByteString request) {
        if (context.faults().inject(Fault.TDISP_LENGTH_NOT_CHECKED, error.reason() == DecodeError.Reason.OVERSIZED)) {
            return TdispCodec.decode(ByteString.copyOf(request.toByteArray(), 0, error.offset()),
                    ReservedPolicy.IGNORE).asOptional();
        }
        if (context.faults().inject(Fault.TDISP_SHORT_REQUEST_PADDED, error.reason() == DecodeError.Reason.TRUNCATED)) {
            for (int missing = 1; missing <= MAX_PADDING; missing++) {
                ByteString padded = ByteString.ofHex(request.hex() + "00".repeat(missing));
                Optional<TdispMessage> served = TdispCodec.decode(padded, ReservedPolicy.IGNORE).asOptional();
                if (served.isPresent()) {
                    return served;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Unknown request codes get UNSUPPORTED_REQUEST with the code; anything else malformed
     * INVALID_REQUEST. The reply echoes what can be read of the request's interface.
     */
    private TdispMessage answerMalformed(DecodeError error, ByteString request) {
        TdispHeader reply = TdispHeader.v10(context.faults().value(Fault.TDISP_MALFORMED_REPLY_INTERFACE_ZERO,
                readableInterfaceId(request), InterfaceId.of(0)));
        boolean notARequest = error.messageCode().isPresent() && MessageType.fromCode(error.messageCode().getAsInt())
                .map(type -> !type.isRequest()).orElse(true);
        boolean unknownCode = notARequest;
        if (context.faults().check(Fault.TDISP_UNSUPPORTED_AS_INVALID, unknownCode)) {
            return TdispError.of(reply, TdispErrorCode.UNSUPPORTED_REQUEST, error.messageCode().orElse(0));
        }
        return TdispError.of(reply, TdispErrorCode.INVALID_REQUEST, 0);
    }

    private static InterfaceId readableInterfaceId(ByteString request) {
        if (request.size() < 8) {
            return InterfaceId.of(0);
        }
        int requesterId = request.get(4) | request.get(5) << 8;
        boolean segmentValid = (request.get(7) & 1) != 0;
        return new InterfaceId(requesterId, segmentValid ? request.get(6) : 0, segmentValid);
    }
}
