package io.tsmtck.tck.tests.lifecycle;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.host.Assignment;
import io.tsmtck.tck.host.HostSut;
import io.tsmtck.tck.host.Suts;
import io.tsmtck.tck.setup.Await;
import io.tsmtck.tck.setup.ProcessResources;
import io.tsmtck.tck.setup.Setup;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A stack gives back what it took when it is closed: its threads and its file descriptors. Runs
 * alone, so that no other test's threads or files are counted, and counts across a second stack,
 * after a first one went through the same steps.
 */
@Tag("area-lifecycle")
@Isolated
class ResourceLeakTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("LIFE-04")
    void closingAStackEndsItsThreadsAndClosesItsFiles(HostSut warmUp) {
        // what the JVM or the provider opens once for good (a jar, /dev/urandom, a shared pool) is
        // not a stack's: a first stack goes through the same steps before anything is counted
        runAndClose(warmUp);
        Set<Thread> before = ProcessResources.threads();
        Optional<List<String>> filesBefore = ProcessResources.openFiles();

        runAndClose(warmUp.sibling());
        Await.until(() -> ProcessResources.startedSince(before).isEmpty());

        assertThat("threads the stack started that are alive after HostStack.close()",
                ProcessResources.startedSince(before)).is(List.of());
        if (filesBefore.isPresent()) {
            Await.until(() -> opened(filesBefore.get()).isEmpty());
            assertThat("files the stack opened that are still open after HostStack.close()",
                    opened(filesBefore.get())).is(List.of());
        }
    }

    private static void runAndClose(HostSut sut) {
        try {
            Assignment a = sut.assign(sut.pf0()).bound();
            Setup.require(a.guestStart(), "guest start");
        } finally {
            sut.discard();
        }
    }

    private static List<String> opened(List<String> before) {
        return ProcessResources.openedSince(before, ProcessResources.openFiles().orElse(List.of()));
    }
}
