package io.tsmtck.tck.binding;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.InterfaceId;
import io.tsmtck.api.tdisp.LockInterfaceResponse;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tdisp.TdispHeader;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.host.inventory.InventoryRun;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An oracle that contradicts what the device just confirmed is named as such, in the host areas only. */
class OracleCheckTest {

    private static final String TDI = "0000:01:00.0";
    private static final TdispHeader HEADER = TdispHeader.v10(InterfaceId.of(0x0100));

    private final AtomicLong actions = new AtomicLong();
    private final OracleCheck oracle = new OracleCheck(actions::get);

    private static Optional<ByteString> response(MessageType type) {
        return Optional.of(type == MessageType.LOCK_INTERFACE_RESPONSE
                ? new LockInterfaceResponse(HEADER, ByteString.zeros(32)).encode()
                : new HeaderOnlyMessage(type, HEADER).encode());
    }

    private static void under(String rule) {
        RuleContext.enter(Catalogue.standard().rule(rule).orElseThrow(), new InventoryRun());
    }

    @AfterEach
    void leave() {
        RuleContext.leave();
    }

    @Test
    void aHostRuleSeesAnOracleThatDeniesAConfirmedStartAsInconsistent() {
        under("SEC-01");
        oracle.answered(TDI, response(MessageType.START_INTERFACE_RESPONSE), "to the guest's START");

        assertThatThrownBy(() -> oracle.check(TDI, TdiState.CONFIG_UNLOCKED, "the TDI of " + TDI))
                .hasMessageContaining("Rule SEC-01 (SHOULD): inconsistent device oracle for the TDI of 0000:01:00.0")
                .hasMessageContaining("START_INTERFACE_RESPONSE to the guest's START, so the TDI is RUN")
                .hasMessageContaining("says CONFIG_UNLOCKED");
    }

    @Test
    void everyContradictionOfEachConfirmationIsCaughtAndErrorIsAlwaysPossible() {
        under("TSM-07");
        MessageType[] confirmations = {MessageType.LOCK_INTERFACE_RESPONSE, MessageType.START_INTERFACE_RESPONSE,
            MessageType.STOP_INTERFACE_RESPONSE};
        TdiState[] implied = {TdiState.CONFIG_LOCKED, TdiState.RUN, TdiState.CONFIG_UNLOCKED};
        for (int i = 0; i < confirmations.length; i++) {
            oracle.answered(TDI, response(confirmations[i]), "to the kit's request");
            for (TdiState read : TdiState.values()) {
                if (read == implied[i] || read == TdiState.ERROR) {
                    assertThatCode(() -> oracle.check(TDI, read, TDI)).as("%s after %s", read, confirmations[i])
                            .doesNotThrowAnyException();
                } else {
                    assertThatThrownBy(() -> oracle.check(TDI, read, TDI)).as("%s after %s", read, confirmations[i])
                            .hasMessageContaining("inconsistent device oracle");
                }
            }
        }
    }

    @Test
    void aStateChangingCallInBetweenMakesAnyStatePossible() {
        under("SEC-01");
        oracle.answered(TDI, response(MessageType.START_INTERFACE_RESPONSE), "to the guest's START");
        actions.incrementAndGet();

        assertThatCode(() -> oracle.check(TDI, TdiState.CONFIG_UNLOCKED, TDI)).doesNotThrowAnyException();
    }

    @Test
    void inTheDeviceAreasTheResponderIsTheSubjectAndItsRuleJudges() {
        under("TDISP-05");
        oracle.answered(TDI, response(MessageType.START_INTERFACE_RESPONSE), "to the kit's request");

        assertThatCode(() -> oracle.check(TDI, TdiState.CONFIG_LOCKED, TDI)).doesNotThrowAnyException();
    }

    @Test
    void errorsAndOtherAnswersImplyNothing() {
        under("SEC-01");
        oracle.answered(TDI, Optional.of(HeaderOnlyMessage.getVersion(HEADER).encode()), "a request, not an answer");
        oracle.answered(TDI, Optional.empty(), "dropped");

        assertThatCode(() -> oracle.check(TDI, TdiState.RUN, TDI)).doesNotThrowAnyException();
    }
}
