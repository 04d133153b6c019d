package io.tsmtck.tck.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.spdm.DoeObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Failure messages show values decoded: never an Optional wrapper, never an object hash. */
class DescribedTest {

    /** An implementation's handle that does not describe itself, as a vendor's may not. */
    private static final class Anonymous implements DoeMailbox {
        @Override
        public Optional<DoeObject> exchange(DoeObject request) {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    }

    /** A subclass of it: the SPI interface is found on a superclass too. */
    private static final class Subclass extends Object {
    }

    @Test
    void resultsAndOptionalsAreUnwrapped() {
        assertThat(Described.of(Result.done())).isEqualTo("success");
        assertThat(Described.of(Result.ok("fd 7"))).isEqualTo("success, giving fd 7");
        assertThat(Described.of(Result.refused(Errno.EBUSY, "mapped"))).isEqualTo("refused with EBUSY (mapped)");
        assertThat(Described.of(Optional.empty())).isEqualTo("nothing");
        assertThat(Described.of(Optional.of(Errno.EINVAL))).isEqualTo("EINVAL");
    }

    @Test
    void anObjectWithoutItsOwnToStringIsNamedByItsType() {
        assertThat(Described.of(Result.ok(new Anonymous()))).isEqualTo("success, giving a DoeMailbox (it has no"
                + " toString of its own)");
        assertThat(Described.of(new Subclass())).isEqualTo("a Subclass (it has no toString of its own)");
    }
}
