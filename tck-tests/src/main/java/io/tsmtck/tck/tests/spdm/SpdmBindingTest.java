package io.tsmtck.tck.tests.spdm;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.ProtocolId;
import io.tsmtck.api.spdm.VendorDefinedMessage;
import io.tsmtck.api.spdm.message.ErrorResponse;
import io.tsmtck.api.spdm.message.GetVersion;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.SpdmCodec;
import io.tsmtck.api.spdm.message.SpdmErrorCode;
import io.tsmtck.api.spdm.session.SecuredMessage;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.tdisp.LockInterfaceRequest;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tdisp.TdispErrorCode;
import io.tsmtck.api.tdisp.TdispHeader;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.binding.RuleContext;
import io.tsmtck.tck.device.DeviceCases;
import io.tsmtck.tck.device.DeviceSut;
import io.tsmtck.tck.device.SecuredReply;
import io.tsmtck.tck.device.TdispAnswer;
import io.tsmtck.tck.setup.Setup;
import io.tsmtck.tck.spdm.SpdmSession;
import io.tsmtck.tck.tests.tdisp.Requests;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How TDISP rides on SPDM: only on a negotiated connection, only in the negotiated version, only in
 * a session that is still open, and a LOCK only in the session that programmed the stream's keys. The kit breaks each condition once, with a request that would
 * change the TDI's state if it were served, and checks that it was not.
 */
@Tag("area-spdm")
class SpdmBindingTest {

    static Stream<Arguments> mandatoryRequests() {
        return DeviceCases.with(Stream.of(MessageType.values()).filter(MessageType::isMandatoryRequest).toList());
    }

    static Stream<Arguments> everyFunction() {
        return DeviceCases.functions(DeviceCases.WITH_SUBFUNCTIONS);
    }

    /** One above and one below the negotiated version: both sides of it. */
    static Stream<Arguments> otherVersions() {
        return DeviceCases.with(List.of(Named.of("a minor version above the negotiated one", 1),
                Named.of("a minor version below the negotiated one", -1)));
    }

    private static ByteString lock(PciFunction function, int spdmVersion) {
        return new VendorDefinedMessage(spdmVersion, true, 0, 0, ProtocolId.TDISP, new LockInterfaceRequest(
                        TdispHeader.v10(function.interfaceId()), 0, DeviceSut.STREAM, 0, 0)
                        .encode()).encode();
    }

    /** Whether {@code answer} (an SPDM message, DOE padding allowed) is a VENDOR_DEFINED_RESPONSE. */
    private static boolean servedAsVendorDefined(Optional<ByteString> answer) {
        return answer.flatMap(bytes -> SpdmCodec.decode(bytes, MessageSizes.none(), ReservedPolicy.IGNORE, 3)
                .asOptional()).filter(m -> !(m instanceof ErrorResponse)).isPresent();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("mandatoryRequests")
    @Must("SPDM-01")
    void tdispBeforeNegotiationIsNotServed(DeviceSut sut, MessageType type) {
        sut.requireSession();
        PciFunction pf0 = sut.pf0();
        sut.raw(DoeObject.wrap(DoeObject.TYPE_SPDM, GetVersion.request().encode()));
        ByteString request = VendorDefinedMessage.request(ProtocolId.TDISP,
                Requests.wellFormed(type, TdispHeader.v10(pf0.interfaceId()), DeviceSut.STREAM).encode()).encode();

        Optional<ByteString> answer = sut.raw(DoeObject.wrap(DoeObject.TYPE_SPDM, request)).map(DoeObject::data);

        assertThat(type + " after GET_VERSION, before CAPABILITIES and ALGORITHMS, served as VENDOR_DEFINED",
                servedAsVendorDefined(answer)).is(false);
        assertThat(sut.connect(), pf0).as("after %s before negotiation", type).isInState(TdiState.CONFIG_UNLOCKED);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("otherVersions")
    @Must("SPDM-02")
    void aVendorDefinedRequestInAnotherVersionIsVersionMismatch(DeviceSut sut, int offset) {
        PciFunction pf0 = sut.connect().pf0();
        int version = sut.connection().version().code() + offset;

        SessionResult<Optional<ByteString>> answer = sut.session().exchange(lock(pf0, version));

        String described = answer.orElseThrow().map(bytes -> SpdmCodec.decode(bytes, MessageSizes.none(),
                ReservedPolicy.IGNORE, 0).asOptional().map(m -> m instanceof ErrorResponse error
                        ? "the device's SPDM ERROR " + error.known().map(Enum::name).orElse(String.format(
                                "of unknown code 0x%02X", error.errorCode()))
                        : "the device's " + m.code()).orElse("an answer that does not decode: " + bytes.hex()))
                .orElse("no answer");
        assertThat(String.format("answer to LOCK_INTERFACE_REQUEST in SPDM version 0x%02X (negotiated 0x%02X)",
                version, version - offset), described)
                .is("the device's SPDM ERROR " + SpdmErrorCode.VERSION_MISMATCH.name());
        assertThat(sut, pf0).as("after a LOCK in SPDM version 0x%02X", version).isInState(TdiState.CONFIG_UNLOCKED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DeviceCases.DEVICE)
    @Must("SPDM-03")
    void aRecordOfAnEndedSessionIsNotServed(DeviceSut sut) {
        PciFunction pf0 = sut.connect().pf0();
        SessionResult<SecuredMessage> stale = sut.session().endSealing(lock(pf0, sut.connection().version().code()));
        if (!stale.isOk()) {
            throw Setup.failed("END_SESSION", stale.failure().orElseThrow().toString());
        }

        Optional<DoeObject> answer;
        try {
            answer = sut.rawOrClosed(DoeObject.wrap(DoeObject.TYPE_SECURED_SPDM, stale.orElseThrow().encode()));
        } catch (IOException closed) {
            // no TDISP response, as the rule asks; but the state the device is left in cannot be read
            // without a new connection, and a new connection may reset it: that clause is not observed
            RuleContext.current().orElseThrow().unobserved("the TDI state of " + pf0.address() + " after the ended"
                    + " session's LOCK", "the device ended the connection on the stale record (" + closed.getMessage()
                    + "), and reading the state needs a new one, which may reset it");
            return;
        }

        assertThat("the answer to a LOCK sealed with the keys of the session END_SESSION ended",
                new SecuredReply(answer, stale.orElseThrow().sessionId()).describe()).is(SecuredReply.NOT_SERVED);
        assertThat(sut.connect(), pf0).as("after the ended session's LOCK").isInState(TdiState.CONFIG_UNLOCKED);
    }

    @ParameterizedTest(name = "{0}, function {1}")
    @MethodSource("everyFunction")
    @Must("SPDM-04")
    void aLockInAnotherSessionThanTheKeysIsInvalidRequest(DeviceSut sut, int fn) {
        PciFunction function = sut.connect().function(fn);
        SpdmSession second = sut.openSecondSession();
        ByteString request = lock(function, sut.connection().version().code());

        SessionResult<Optional<ByteString>> answer = second.exchange(request);
        second.end();

        Optional<ByteString> tdisp = answer.orElseThrow().map(bytes -> VendorDefinedMessage.decode(bytes).asOptional()
                .map(VendorDefinedMessage::body).orElse(bytes));
        assertThat(new TdispAnswer(VendorDefinedMessage.decode(request).orElseThrow().body(), tdisp))
                .as("LOCK in a second session, the default stream's keys programmed in the first")
                .isError(TdispErrorCode.INVALID_REQUEST);
        assertThat(sut, function).as("after the LOCK in the second session").isInState(TdiState.CONFIG_UNLOCKED);
    }
}
