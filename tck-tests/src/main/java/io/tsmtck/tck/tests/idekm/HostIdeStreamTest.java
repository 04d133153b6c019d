package io.tsmtck.tck.tests.idekm;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.topology.IdeStream;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.host.HostSut;
import io.tsmtck.tck.host.Suts;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The IDE stream as the host stack reports it after connect: a host kit rule of the IDE_KM area
 * (connect sets up the stream), read through the TSM.
 */
@Tag("area-ide-km")
class HostIdeStreamTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("IDEKM-03")
    void afterConnectTheStreamIsSecure(HostSut sut) {
        PciAddress dsm = sut.connect().dsm().address();

        List<IdeStream> streams = sut.stack().tsm().ideStreams(dsm);

        assertThat("IDE streams of " + dsm + " after connect", streams)
                .satisfies(s -> !s.isEmpty() && s.stream().allMatch(IdeStream::secure), "at least one, all Secure");
    }
}
