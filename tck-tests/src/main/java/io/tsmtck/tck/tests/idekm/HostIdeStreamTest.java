package io.tsmtck.tck.tests.idekm;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.idekm.IdeKmObjectId;
import io.tsmtck.api.idekm.KeySetCommand;
import io.tsmtck.api.idekm.KeySubStream;
import io.tsmtck.api.topology.IdeStream;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.tck.support.Cases;
import io.tsmtck.tck.support.Must;
import io.tsmtck.tck.support.Sut;
import io.tsmtck.tck.support.Suts;
import io.tsmtck.tck.support.TdispClient;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The IDE stream as the host stack reports it (its Secure state after connect and after a key set
 * stops): host kit rules of the IDE_KM area, read through the TSM, until a device rig can read the
 * stream state from the device's IDE capability.
 */
@Tag("area-ide-km")
class HostIdeStreamTest {

    /** Every key sub-stream of K0, the key set the reference TSM starts at connect. */
    static Stream<Arguments> everyLaneOfTheStartedKeySet() {
        return Cases.profilesWith(IdeKmTest.lanes(KeySubStream.KeySet.K0));
    }


    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("IDEKM-03")
    void afterConnectTheStreamIsSecure(Sut sut) {
        PciAddress dsm = sut.connect().dsm().address();

        List<IdeStream> streams = sut.stack().tsm().ideStreams(dsm);

        assertThat("IDE streams of " + dsm + " after connect", streams)
                .satisfies(s -> !s.isEmpty() && s.stream().allMatch(IdeStream::secure), "at least one, all Secure");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyLaneOfTheStartedKeySet")
    @Must("IDEKM-04")
    void stoppingOneSubStreamEndsTheSecureState(Sut sut, KeySubStream lane) {
        PciFunction pf0 = sut.connect().pf0();
        TdispClient link = sut.tdisp(pf0);
        int stream = link.defaultStream();

        link.ideKm(new KeySetCommand(IdeKmObjectId.K_SET_STOP, stream, lane, 0));

        assertThat("Secure state of stream " + stream + " after K_SET_STOP " + lane,
                sut.stack().tsm().ideStreams(pf0.dsm()).stream().filter(s -> s.streamId() == stream)
                        .map(IdeStream::secure).findFirst()).is(Optional.of(false));
    }
}
