package io.tsmtck.tck.binding;

import io.tsmtck.tck.catalogue.Condition;
import org.opentest4j.TestAbortedException;

/**
 * Ends a test whose rule cannot apply to the subject: the condition the rule holds under is false,
 * and the message states the fact that makes it so. The runner reports it NOT_APPLICABLE, apart
 * from NOT_TESTED (a missing test hook), and it never counts as a pass.
 */
public final class NotApplicable extends TestAbortedException {

    private static final long serialVersionUID = 1L;

    private final Condition condition;

    NotApplicable(Condition condition, String fact) {
        super("the rule holds when " + condition.when() + "; " + fact);
        this.condition = condition;
    }

    /** The condition that does not hold. */
    public Condition condition() {
        return condition;
    }
}
