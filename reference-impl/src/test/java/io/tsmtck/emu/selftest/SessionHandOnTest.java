package io.tsmtck.emu.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.device.DeviceControl;
import io.tsmtck.api.device.DeviceUnderTest;
import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.message.RequestResponseCode;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.emu.ReferenceDevice;
import io.tsmtck.emu.faults.FaultPlan;
import io.tsmtck.tck.device.DeviceSource;
import io.tsmtck.tck.device.Devices;
import io.tsmtck.tck.support.DeviceSut;
import io.tsmtck.tck.support.KitConfig;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * On a device the tests share, a test that used only TDISP hands the kit's session (and its IDE
 * keys) on to the next, which adopts it once every TDI is CONFIG_UNLOCKED; a test that touched the
 * session itself, or a TDI it left locked, does not carry over into the next one.
 */
class SessionHandOnTest {

    /** One reference device every test shares, counting the KEY_EXCHANGEs it is sent in the clear. */
    private static final class Shared implements DeviceSource {
        final ReferenceDevice device = new ReferenceDevice(TopologyRequest.minimal(), FaultPlan.NONE, 7);
        int keyExchanges;

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
}
