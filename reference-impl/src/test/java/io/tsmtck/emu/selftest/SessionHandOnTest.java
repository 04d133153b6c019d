package io.tsmtck.emu.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.device.DeviceControl;
import io.tsmtck.api.device.DeviceUnderTest;
import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.idekm.IdeKmObjectId;
import io.tsmtck.api.idekm.IdeKmQuery;
import io.tsmtck.api.idekm.KeyProg;
import io.tsmtck.api.idekm.KeySetCommand;
import io.tsmtck.api.idekm.KeySubStream;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.message.RequestResponseCode;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.emu.ReferenceDevice;
import io.tsmtck.emu.faults.FaultPlan;
import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.device.DeviceSource;
import io.tsmtck.tck.device.DeviceSut;
import io.tsmtck.tck.device.Devices;
import io.tsmtck.tck.device.IdeKmAnswer;
import io.tsmtck.tck.device.TdiDriver;
import io.tsmtck.tck.device.TdispClient;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * On a device the tests share, a test that used only TDISP hands the kit's session (and its IDE
 * keys) on to the next, which adopts it once every TDI is CONFIG_UNLOCKED; a test that touched the
 * session itself, or a TDI it left locked, does not carry over into the next one. IDE_KM that queried, or
 * keyed and started a spare stream, hands the session on, and the next test that needs a stream without
 * keys gets another spare one, or a new session once the session has keyed them all.
 */
class SessionHandOnTest {

    /** One reference device every test shares, counting the KEY_EXCHANGEs and GET_VERSIONs it is sent. */
    private static final class Shared implements DeviceSource {
        final ReferenceDevice device = new ReferenceDevice(TopologyRequest.minimal(), FaultPlan.NONE, 7);
        int keyExchanges;
        int getVersions;

        @Override
        public String describe() {
            return "a shared reference device";
        }

        @Override
        public TopologyRequest largest() {
            return TopologyRequest.minimal();
        }

        @Override
        public boolean fresh() {
            return false;
        }

        @Override
        public DeviceUnderTest open(TopologyRequest wanted) {
            DoeMailbox counting = new DoeMailbox() {
                @Override
                public Optional<DoeObject> exchange(DoeObject request) throws IOException {
                    if (request.type() == DoeObject.TYPE_SPDM && request.data().size() > 1
                            && (request.data().get(1) & 0xFF) == RequestResponseCode.KEY_EXCHANGE.code()) {
                        keyExchanges++;
                    }
                    if (request.type() == DoeObject.TYPE_SPDM && request.data().size() > 1
                            && (request.data().get(1) & 0xFF) == RequestResponseCode.GET_VERSION.code()) {
                        getVersions++;
                    }
                    return device.mailbox().exchange(request);
                }

                @Override
                public void close() {
                }
            };
            return new DeviceUnderTest() {
                @Override
                public String transport() {
                    return describe();
                }

                @Override
                public DoeMailbox mailbox() {
                    return counting;
                }

                @Override
                public List<PciFunction> functions() {
                    return device.functions();
                }

                @Override
                public Optional<DeviceControl> control() {
                    return Optional.empty();
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void closeAll() {
        }
    }

    @AfterEach
    void backToTheConfiguredDevice() {
        Devices.reset();
    }

    @Test
    void aTdispOnlyTestHandsItsSessionOnAndATestThatTouchedItDoesNot() throws IOException {
        System.setProperty(KitConfig.TRUST_ANCHOR, KitRun.TRUST_ANCHOR);
        Shared shared = new Shared();
        Devices.use(shared);

        try (DeviceSut first = new DeviceSut(TopologyRequest.minimal())) {
            first.tdisp(first.connect().pf0()).lock(); // left CONFIG_LOCKED for the next test to find
        }
        try (DeviceSut second = new DeviceSut(TopologyRequest.minimal())) {
            assertThat(second.connect().tdisp(second.pf0()).state()).as("the TDI the first test left locked")
                    .isEqualTo(TdiState.CONFIG_UNLOCKED);
            assertThat(shared.keyExchanges).as("KEY_EXCHANGEs once the second test adopted the first's session")
                    .isEqualTo(1);
            second.session(); // the test touches the session itself: it is not handed on
        }
        try (DeviceSut third = new DeviceSut(TopologyRequest.minimal())) {
            third.connect();
            assertThat(shared.keyExchanges).as("KEY_EXCHANGEs once the third test opened a session of its own")
                    .isEqualTo(2);
            assertThat(third.tdisp(third.pf0()).lock()).as("a LOCK with the third session's own keys").isNotNull();
        }
    }

    @Test
    void aSessionATestEndedByResettingTheConnectionIsNotAdopted() throws IOException {
        System.setProperty(KitConfig.TRUST_ANCHOR, KitRun.TRUST_ANCHOR);
        Shared shared = new Shared();
        Devices.use(shared);

        try (DeviceSut first = new DeviceSut(TopologyRequest.minimal())) {
            first.tdisp(first.connect().pf0()).state(); // only read: the next test knows the TDI is CONFIG_UNLOCKED
        }
        try (DeviceSut second = new DeviceSut(TopologyRequest.minimal())) {
            second.versionOnly(); // its GET_VERSION ends the session the first test handed on
        }
        try (DeviceSut third = new DeviceSut(TopologyRequest.minimal())) {
            TdispClient tdisp = third.connect().tdisp(third.pf0());
            assertThat(shared.keyExchanges).as("KEY_EXCHANGEs once a test reset the connection between").isEqualTo(2);
            assertThat(tdisp.lock()).as("a LOCK in the third test's session").isNotNull();
        }
    }

    @Test
    void theSessionATestOpenedToReachErrorGoesOnAndItsAdopterProgramsTheKeys() throws IOException {
        System.setProperty(KitConfig.TRUST_ANCHOR, KitRun.TRUST_ANCHOR);
        Shared shared = new Shared();
        Devices.use(shared);

        try (DeviceSut first = new DeviceSut(TopologyRequest.minimal())) {
            TdiDriver.enter(first, first.connect().pf0(), TdiState.ERROR); // ends its session, opens another
        }
        assertThat(shared.keyExchanges).as("KEY_EXCHANGEs of the test that reached ERROR").isEqualTo(2);
        assertThat(shared.getVersions).as("GET_VERSIONs of that test: its second session is on the same connection")
                .isEqualTo(1);
        try (DeviceSut second = new DeviceSut(TopologyRequest.minimal())) {
            TdispClient tdisp = second.connect().tdisp(second.pf0());
            assertThat(shared.keyExchanges).as("KEY_EXCHANGEs once the next test adopted that session").isEqualTo(2);
            assertThat(tdisp.state()).as("the TDI the first test left in ERROR").isEqualTo(TdiState.CONFIG_UNLOCKED);
            assertThat(tdisp.lock()).as("a LOCK with the keys the adopting test programmed").isNotNull();
        }
    }

    @Test
    void aTestOfTheSessionItselfHandsTheConnectionOnAndOneThatResetItDoesNot() throws IOException {
        System.setProperty(KitConfig.TRUST_ANCHOR, KitRun.TRUST_ANCHOR);
        Shared shared = new Shared();
        Devices.use(shared);

        try (DeviceSut first = new DeviceSut(TopologyRequest.minimal())) {
            first.session(); // a test of the session: the session ends with it, the connection goes on
        }
        try (DeviceSut second = new DeviceSut(TopologyRequest.minimal())) {
            assertThat(second.tdisp(second.connect().pf0()).lock()).as("a LOCK in the second test's session").isNotNull();
            assertThat(shared.keyExchanges).as("KEY_EXCHANGEs: a session each").isEqualTo(2);
            assertThat(shared.getVersions).as("GET_VERSIONs: the second session on the first test's connection")
                    .isEqualTo(1);
            second.requester(); // plaintext SPDM of the test's own: not even the connection goes on
        }
        try (DeviceSut third = new DeviceSut(TopologyRequest.minimal())) {
            third.connect();
            assertThat(shared.getVersions).as("GET_VERSIONs once a test reached the connection itself").isEqualTo(2);
            third.connection().keyExchange(0).orElseThrow(); // a session left in its handshake, as FINISH tests leave
        }
        try (DeviceSut fourth = new DeviceSut(TopologyRequest.minimal())) {
            fourth.connect();
            assertThat(shared.getVersions).as("GET_VERSIONs once a test left a session in its handshake")
                    .isEqualTo(3);
        }
    }

    private static KeyProg keyProg(int stream) {
        return new KeyProg(stream, KeySubStream.of(KeySubStream.KeySet.K0).get(0), 0,
                ByteString.zeros(KeyProg.KEY_LENGTH), ByteString.zeros(KeyProg.IFV_LENGTH));
    }

    /** Whether {@code answer} is the K_GOSTOP_ACK of a K_SET_GO: keys the device found. */
    private static boolean started(IdeKmAnswer answer) {
        return answer.message().filter(KeySetCommand.class::isInstance).isPresent();
    }

    @Test
    void ideKmOfASpareStreamHandsTheSessionOnAndTheNextTestGetsAStreamWithoutKeys() throws IOException {
        System.setProperty(KitConfig.TRUST_ANCHOR, KitRun.TRUST_ANCHOR);
        Shared shared = new Shared();
        Devices.use(shared);
        KeySubStream lane = KeySubStream.of(KeySubStream.KeySet.K0).get(0);

        for (int test = 0; test < DeviceSut.SPARE_STREAMS; test++) {
            try (DeviceSut sut = new DeviceSut(TopologyRequest.minimal())) {
                int stream = sut.unkeyedStream();
                TdispClient link = sut.tdisp(sut.pf0());
                assertThat(started(link.ideKm(new KeySetCommand(IdeKmObjectId.K_SET_GO, stream, lane, 0))))
                        .as("K_SET_GO of stream %d, which the kit's session had not named, in test %d", stream, test)
                        .isFalse();
                link.ideKm(new IdeKmQuery(0));
                link.ideKm(keyProg(stream));
                assertThat(started(link.ideKm(new KeySetCommand(IdeKmObjectId.K_SET_GO, stream, lane, 0))))
                        .as("K_SET_GO of stream %d once programmed", stream).isTrue();
            }
        }
        assertThat(shared.keyExchanges).as("KEY_EXCHANGEs after %d tests that each keyed a spare stream of their own",
                DeviceSut.SPARE_STREAMS).isEqualTo(1);
        try (DeviceSut sut = new DeviceSut(TopologyRequest.minimal())) {
            int stream = sut.unkeyedStream();
            assertThat(shared.keyExchanges).as("KEY_EXCHANGEs once every spare stream of the session has keys")
                    .isEqualTo(2);
            assertThat(started(sut.tdisp(sut.pf0()).ideKm(new KeySetCommand(IdeKmObjectId.K_SET_GO, stream, lane,
                    0)))).as("K_SET_GO of stream %d in the new session", stream).isFalse();
            sut.tdisp(sut.pf0()).ideKm(new KeySetCommand(IdeKmObjectId.K_SET_STOP, stream, lane, 0));
        }
        try (DeviceSut sut = new DeviceSut(TopologyRequest.minimal())) {
            sut.connect();
            assertThat(shared.keyExchanges).as("KEY_EXCHANGEs after a test that sent K_SET_STOP").isEqualTo(3);
            sut.tdisp(sut.pf0()).ideKm(keyProg(DeviceSut.STREAM));
        }
        try (DeviceSut sut = new DeviceSut(TopologyRequest.minimal())) {
            sut.connect();
            assertThat(shared.keyExchanges).as("KEY_EXCHANGEs after a test that programmed the kit's own stream")
                    .isEqualTo(4);
            sut.tdisp(sut.pf0()).ideKmRaw(ByteString.of(new byte[] {2, 0}));
        }
        try (DeviceSut sut = new DeviceSut(TopologyRequest.minimal())) {
            sut.connect();
            assertThat(shared.keyExchanges).as("KEY_EXCHANGEs after a test that sent IDE_KM naming no stream")
                    .isEqualTo(5);
        }
    }
}
