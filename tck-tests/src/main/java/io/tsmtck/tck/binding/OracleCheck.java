package io.tsmtck.tck.binding;

import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tdisp.TdispCodec;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.tck.catalogue.Area;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.opentest4j.AssertionFailedError;

/**
 * Cross-checks the device oracle (the state the stack's {@code TdiProbe} reports) against what the
 * device's own successful answers imply. In the host areas the oracle is a way to observe, written
 * by the vendor; when it contradicts a START, LOCK or STOP the device just confirmed, with nothing
 * done in between that could change the state, the failure is reported as an inconsistent oracle,
 * not as a violation of the rule under test. In the TDISP and IDE_KM areas the responder is the
 * subject itself, and the rule's own assertion reports what it does.
 */
public final class OracleCheck {

    private static final Set<Area> DEVICE_AREAS = EnumSet.of(Area.TDISP, Area.IDE_KM, Area.SPDM);

    /** What a successful answer implies, and how many state-changing SPI calls had been made then. */
    private record Implied(TdiState state, String because, long actions) {
    }

    private final Map<Object, Implied> implied = new ConcurrentHashMap<>();
    private final LongSupplier actions;

    /** {@code actions}: the stack's count of SPI calls that may change state. */
    public OracleCheck(LongSupplier actions) {
        this.actions = actions;
    }

    /** Records what {@code answer}, the device's answer for the TDI {@code tdi}, implies, if anything. */
    public void answered(Object tdi, Optional<ByteString> answer, String via) {
        answer.flatMap(bytes -> TdispCodec.decode(bytes, ReservedPolicy.IGNORE).asOptional())
                .ifPresent(message -> implied(message.type()).ifPresent(state -> implied.put(tdi,
                        new Implied(state, message.type() + " " + via, actions.getAsLong()))));
    }

    /** Fails as an inconsistent oracle if {@code read} cannot follow what the device last confirmed. */
    public void check(Object tdi, TdiState read, String subject) {
        Implied last = implied.get(tdi);
        boolean hostArea = RuleContext.current().map(c -> !DEVICE_AREAS.contains(c.rule().area())).orElse(false);
        if (last == null || !hostArea || last.actions() != actions.getAsLong() || compatible(last.state(), read)) {
            return;
        }
        throw new AssertionFailedError(RuleContext.current().map(c -> "Rule " + c.rule().label() + ": ").orElse("")
                + "inconsistent device oracle for " + subject + ": the device confirmed " + last.because()
                + ", so the TDI is " + last.state() + " (or ERROR), and nothing that could change it happened since;"
                + " yet the stack's TdiProbe says " + read + ". The rule could not be judged: fix the TdiProbe the"
                + " provider gives (it must read the same device the TSM drives) before reading this result.");
    }

    private static boolean compatible(TdiState implied, TdiState read) {
        return read == implied || read == TdiState.ERROR;
    }

    private static Optional<TdiState> implied(MessageType response) {
        switch (response) {
            case LOCK_INTERFACE_RESPONSE:
                return Optional.of(TdiState.CONFIG_LOCKED);
            case START_INTERFACE_RESPONSE:
                return Optional.of(TdiState.RUN);
            case STOP_INTERFACE_RESPONSE:
                return Optional.of(TdiState.CONFIG_UNLOCKED);
            default:
                return Optional.empty();
        }
    }
}
