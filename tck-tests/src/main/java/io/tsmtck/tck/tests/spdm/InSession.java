package io.tsmtck.tck.tests.spdm;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.spdm.ProtocolId;
import io.tsmtck.api.spdm.VendorDefinedMessage;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.RequestResponseCode;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.TdispHeader;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.device.DeviceSut;
import io.tsmtck.tck.device.SpdmAnswer;
import io.tsmtck.tck.spdm.SpdmSession;
import java.util.Optional;

/** What the session rules send in a session and how they read the answer. */
final class InSession {

    private InSession() {
    }

    /** GET_TDISP_VERSION of PF0 as a VENDOR_DEFINED_REQUEST in SPDMVersion {@code version}. */
    static ByteString tdispGetVersion(DeviceSut sut, int version) {
        return new VendorDefinedMessage(version, true, 0, 0, ProtocolId.TDISP,
                HeaderOnlyMessage.getVersion(TdispHeader.v10(sut.pf0().interfaceId())).encode()).encode();
    }

    /** The session still serves: GET_TDISP_VERSION in it is answered with a VENDOR_DEFINED_RESPONSE. */
    static void assertServed(DeviceSut sut, SpdmSession session, String when) {
        SessionResult<Optional<ByteString>> answer = session.exchange(tdispGetVersion(sut,
                sut.connection().version().code()));
        assertThat(String.format("GET_TDISP_VERSION in session 0x%08x %s", session.sessionId(), when),
                describe(answer)).satisfies(d -> served(answer), "the device's VENDOR_DEFINED_RESPONSE (the session "
                + "untouched)");
    }

    /** An answer in a session named: the device's message, none, or how the session failed. */
    static String describe(SessionResult<Optional<ByteString>> answer) {
        return answer.isOk() ? new SpdmAnswer(answer.orElseThrow(), MessageSizes.none()).describe()
                : "the session failed: " + answer.failure().orElseThrow();
    }

    /** Whether the answer in a session is a VENDOR_DEFINED_RESPONSE. */
    static boolean served(SessionResult<Optional<ByteString>> answer) {
        return answer.isOk() && new SpdmAnswer(answer.orElseThrow(), MessageSizes.none())
                .is(RequestResponseCode.VENDOR_DEFINED_RESPONSE);
    }
}
