package io.tsmtck.tck.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** A subject that declares it reacts at once is still looked at twice. */
class AwaitTest {

    /** Holds at the first look only: the reaction came after the call that caused it returned. */
    private static BooleanSupplier reactsAfterTheFirstLook(AtomicInteger looks) {
        return () -> looks.incrementAndGet() == 1;
    }

    @Test
    void aReactionAfterTheFirstLookIsSeenByTheSecond() {
        AtomicInteger looks = new AtomicInteger();

        assertThat(Await.holdsAtOnceAndAfter(reactsAfterTheFirstLook(looks))).isFalse();
        assertThat(looks).hasValue(2);
    }

    @Test
    void aConditionThatHoldsIsLookedAtTwiceAtLeastAndHolds() {
        AtomicInteger looks = new AtomicInteger();

        assertThat(Await.holdsAtOnceAndAfter(() -> looks.incrementAndGet() > 0)).isTrue();
        assertThat(looks.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aConditionThatDoesNotHoldAtOnceIsNotLookedAtAgain() {
        AtomicInteger looks = new AtomicInteger();

        assertThat(Await.holdsAtOnceAndAfter(() -> looks.incrementAndGet() < 0)).isFalse();
        assertThat(looks).hasValue(1);
    }
}
