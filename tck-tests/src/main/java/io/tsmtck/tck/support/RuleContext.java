package io.tsmtck.tck.support;

import io.tsmtck.tck.catalogue.Rule;
import java.util.Optional;

/**
 * The rule the current test checks and the transcript of its TDISP and IDE_KM exchanges, so that
 * assertions can name the rule and failures can show what went over the wire. Set by
 * {@link RuleExtension} around each test, on the test's thread.
 */
public final class RuleContext {

    private static final ThreadLocal<RuleContext> CURRENT = new ThreadLocal<>();

    private final Rule rule;
    private final Transcript transcript = new Transcript();

    private RuleContext(Rule rule) {
        this.rule = rule;
    }

    static void enter(Rule rule) {
        CURRENT.set(new RuleContext(rule));
    }

    static void leave() {
        CURRENT.remove();
    }

    /** The context of the running test, if it runs under {@link RuleExtension}. */
    public static Optional<RuleContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The rule under test. */
    public Rule rule() {
        return rule;
    }

    /** The exchanges of the running test. */
    public Transcript transcript() {
        return transcript;
    }
}
