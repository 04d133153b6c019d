package io.tsmtck.tck.binding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A call that hung twice is not made again; once, it is tried again; other calls are not affected. */
class HungCallsTest {

    @Test
    void aCallIsBlockedAfterItsSecondHangWhateverItsArguments() {
        HungCalls hung = new HungCalls();

        hung.hung("Iommufd.tsmOp(BIND, 3)", "bindLocks [1]");
        assertThat(hung.blocked("Iommufd.tsmOp(UNBIND, 3)")).as("after one hang").isEmpty();

        hung.hung("Iommufd.tsmOp(BIND, 4)", "bindTwice [2]");
        assertThat(hung.blocked("Iommufd.tsmOp(GUEST_REQUEST, 1)"))
                .contains("Iommufd.tsmOp hung in bindLocks [1] and in bindTwice [2]");
        assertThat(hung.blocked("HostStack.kvm()")).as("another call").isEmpty();
    }
}
