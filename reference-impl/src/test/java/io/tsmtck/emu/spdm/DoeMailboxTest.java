package io.tsmtck.emu.spdm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsmtck.api.device.PciConfigAccess;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.algorithm.AsymAlgorithm;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.spdm.RequesterConfig;
import io.tsmtck.tck.spdm.SpdmRequester;
import io.tsmtck.tck.spdm.SpdmSession;
import io.tsmtck.tck.transport.DoeConfigMailbox;
import io.tsmtck.tck.transport.SysfsConfigSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kit's DOE mailbox over configuration space against the reference device's emulated DOE
 * capability: a secured session works as in process, also when the device is Busy for a while after
 * Go; Busy before a request, Error after Go, a silent device, a half-written object and a broken
 * capability list are each handled and named, and the mailbox works again after the Abort.
 */
class DoeMailboxTest {

    private static final Duration TIMEOUT = Duration.ofMillis(200);

    @ParameterizedTest(name = "Busy for {0} Status reads after Go")
    @ValueSource(ints = {0, 1, 50})
    void aSecuredSessionWorksOverTheMailbox(int busyReads) throws IOException {
        SessionInteropTest.Device device = new SessionInteropTest.Device();
        DoeConfigMailbox mailbox = DoeConfigMailbox.open(new DoeConfigSpace(device.responder, busyReads, 4096),
                TIMEOUT, "emulated DSM");
        assertThat(mailbox.capabilityOffset()).isEqualTo(DoeConfigSpace.DOE);
        SpdmSession session = new SpdmRequester(RequesterConfig.standard(device.root(AsymAlgorithm.ECDSA_P384)),
                new SecureRandom()).connect(mailbox).orElseThrow().openSession().orElseThrow();
        assertThat(SessionInteropTest.echo(session, SpdmVersion.V1_3, "a1b2c3")).isEqualTo(ByteString.ofHex("c3b2a1"));
        assertThat(session.end().isOk()).isTrue();
    }

    /**
     * Status is read again at once a few times before the reads back off: a device Busy for three reads costs
     * microseconds an object, not the millisecond a fixed pause would (200 objects took 600 ms with one).
     */
    @Test
    void aDeviceBusyForAFewReadsIsNotMadeToWaitAMillisecondAnObject() throws IOException {
        DoeConfigMailbox mailbox = DoeConfigMailbox.open(new DoeConfigSpace(new SessionInteropTest.Device().responder,
                3, 4096), TIMEOUT, "emulated DSM");
        DoeObject discovery = DoeObject.wrap(DoeObject.TYPE_DISCOVERY, ByteString.of((byte) 0, (byte) 0, (byte) 0,
                (byte) 0));
        long start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            assertThat(mailbox.exchange(discovery)).as("answer %d", i).isPresent();
        }
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms for 200 objects, each Busy for 3 Status reads")
                .isLessThan(150);
    }

    @Test
    void discoveryListsTheThreeProtocols() throws IOException {
        DoeConfigMailbox mailbox = DoeConfigMailbox.open(new DoeConfigSpace(new SessionInteropTest.Device().responder,
                0, 4096), TIMEOUT, "emulated DSM");
        StringBuilder protocols = new StringBuilder();
        int index = 0;
        do {
            DoeObject answer = mailbox.exchange(DoeObject.wrap(DoeObject.TYPE_DISCOVERY,
                    ByteString.of((byte) index, (byte) 0, (byte) 0, (byte) 0))).orElseThrow();
            protocols.append(answer.data().get(2));
            index = answer.data().get(3);
        } while (index != 0);
        assertThat(protocols).hasToString("012");
    }

    @Test
    void aSilentDeviceIsNoAnswerAfterAbortAndTheMailboxWorksOn() throws IOException {
        SessionInteropTest.Device device = new SessionInteropTest.Device();
        DoeConfigMailbox mailbox = DoeConfigMailbox.open(new DoeConfigSpace(device.responder, 0, 4096), TIMEOUT,
                "emulated DSM");
        new SpdmRequester(RequesterConfig.standard(device.root(AsymAlgorithm.ECDSA_P384)), new SecureRandom())
                .connect(mailbox).orElseThrow();
        DoeObject plaintextVendorDefined = DoeObject.wrap(DoeObject.TYPE_SPDM,
                ByteString.ofHex("13fe000003000201000300000102"));
        assertThat(mailbox.exchange(plaintextVendorDefined)).isEmpty();
        assertThat(mailbox.exchange(DoeObject.wrap(DoeObject.TYPE_SPDM, ByteString.ofHex("10840000")))).isPresent();
    }

    @Test
    void errorAfterGoIsNamedAndAbortRecovers() throws IOException {
        DoeConfigSpace space = new DoeConfigSpace(new SessionInteropTest.Device().responder, 0, 4);
        DoeConfigMailbox mailbox = DoeConfigMailbox.open(space, TIMEOUT, "emulated DSM");
        DoeObject tooLong = DoeObject.wrap(DoeObject.TYPE_SPDM, ByteString.zeros(64));
        assertThatThrownBy(() -> mailbox.exchange(tooLong)).isInstanceOf(IOException.class)
                .hasMessageContaining("set Error after Go").hasMessageContaining("emulated DSM");
        DoeObject getVersion = DoeObject.wrap(DoeObject.TYPE_SPDM, ByteString.ofHex("10840000"));
        assertThat(mailbox.exchange(getVersion)).isPresent();
    }

    @Test
    void busyBeforeTheRequestIsAnotherAgent() throws IOException {
        DoeConfigSpace space = new DoeConfigSpace(new SessionInteropTest.Device().responder, 1000, 4096);
        DoeConfigMailbox mailbox = DoeConfigMailbox.open(space, TIMEOUT, "emulated DSM");
        int doe = DoeConfigSpace.DOE;
        space.write32(doe + 0x10, 0x00010001);
        space.write32(doe + 0x10, 3);
        space.write32(doe + 0x10, 0x00008410);
        space.write32(doe + 0x08, 0x8000_0000);
        assertThatThrownBy(() -> mailbox.exchange(DoeObject.wrap(DoeObject.TYPE_SPDM, ByteString.ofHex("10840000"))))
                .isInstanceOf(IOException.class).hasMessageContaining("busy before the request");
    }

    @Test
    void aHalfWrittenObjectIsAbortedByTheNextOpen() throws IOException {
        DoeConfigSpace space = new DoeConfigSpace(new SessionInteropTest.Device().responder, 0, 4096);
        space.write32(DoeConfigSpace.DOE + 0x10, 0x00010001);
        DoeConfigMailbox mailbox = DoeConfigMailbox.open(space, TIMEOUT, "emulated DSM");
        assertThat(mailbox.exchange(DoeObject.wrap(DoeObject.TYPE_SPDM, ByteString.ofHex("10840000")))
                .map(a -> a.data().get(1))).isEqualTo(Optional.of(0x04));
    }

    @Test
    void aFunctionWithoutDoeSaysWhatItHas() {
        PciConfigAccess plain = new PciConfigAccess() {
            @Override
            public int read32(int offset) {
                return offset == 0x100 ? 0x0001 | 1 << 16 : 0;
            }

            @Override
            public void write32(int offset, int value) {
            }
        };
        assertThatThrownBy(() -> DoeConfigMailbox.open(plain, TIMEOUT, "0000:3b:00.1")).isInstanceOf(IOException.class)
                .hasMessageContaining("0000:3b:00.1 has no DOE extended capability").hasMessageContaining("0x0001@0x100");
    }

    @Test
    void aLoopInTheCapabilityListIsRefused() {
        PciConfigAccess looped = new PciConfigAccess() {
            @Override
            public int read32(int offset) {
                return offset == 0x100 ? 0x0001 | 0x100 << 20 : 0;
            }

            @Override
            public void write32(int offset, int value) {
            }
        };
        assertThatThrownBy(() -> DoeConfigMailbox.open(looped, TIMEOUT, "looped")).isInstanceOf(IOException.class)
                .hasMessageContaining("broken");
    }

    @Test
    void theSysfsBackendReadsAndWritesLittleEndianDwords(@TempDir Path directory) throws IOException {
        Path config = Files.write(directory.resolve("config"), new byte[PciConfigAccess.SIZE]);
        try (SysfsConfigSpace space = SysfsConfigSpace.open(config, "0000:3b:00.0")) {
            space.write32(0x150, 0x0001002E);
            assertThat(space.read32(0x150)).isEqualTo(0x0001002E);
            assertThat(Files.readAllBytes(config)[0x150]).isEqualTo((byte) 0x2E);
            assertThatThrownBy(() -> space.read32(0x151)).isInstanceOf(IllegalArgumentException.class);
        }
        Path shortFile = Files.write(directory.resolve("short"), new byte[64]);
        try (SysfsConfigSpace space = SysfsConfigSpace.open(shortFile, "0000:3b:00.0")) {
            assertThatThrownBy(() -> space.read32(0x100)).hasMessageContaining("ends before 0x100");
        }
        assertThatThrownBy(() -> SysfsConfigSpace.open("3b:00.0")).hasMessageContaining("lspci -D");
        assertThatThrownBy(() -> SysfsConfigSpace.open("ffff:ff:1f.7")).hasMessageContaining("no PCI function");
    }
}
