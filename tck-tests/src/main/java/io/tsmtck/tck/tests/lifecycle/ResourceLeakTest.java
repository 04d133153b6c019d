package io.tsmtck.tck.tests.lifecycle;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.tck.support.Assignment;
import io.tsmtck.tck.support.Await;
import io.tsmtck.tck.support.Must;
import io.tsmtck.tck.support.ProcessResources;
import io.tsmtck.tck.support.Setup;
import io.tsmtck.tck.support.Sut;
import io.tsmtck.tck.support.Suts;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A stack gives back what it took when it is closed: its threads and its file descriptors. Runs
 * alone, so that no other test's threads or files are counted.
 */
@Tag("area-lifecycle")
@Isolated
class ResourceLeakTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("LIFE-04")
    void closingAStackEndsItsThreadsAndClosesItsFiles(Sut sut) {
        Set<Thread> before = ProcessResources.threads();
        OptionalLong fdsBefore = ProcessResources.openFileDescriptors();
        Assignment a = sut.assign(sut.pf0()).bound();
        Setup.require(a.guestStart(), "guest start");

        sut.close();
        Await.until(() -> ProcessResources.startedSince(before).isEmpty());

        assertThat("threads the stack started that are alive after HostStack.close()",
                ProcessResources.startedSince(before)).is(List.of());
        if (fdsBefore.isPresent()) {
            Await.until(() -> ProcessResources.openFileDescriptors().equals(fdsBefore));
            assertThat("open file descriptors of the process after HostStack.close()",
                    ProcessResources.openFileDescriptors()).is(fdsBefore);
        }
    }
}
