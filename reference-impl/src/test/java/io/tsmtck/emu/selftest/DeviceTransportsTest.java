package io.tsmtck.emu.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.device.DeviceControl;
import io.tsmtck.api.device.DeviceUnderTest;
import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.emu.ReferenceDevice;
import io.tsmtck.emu.ReferenceStackProvider;
import io.tsmtck.emu.faults.Fault;
import io.tsmtck.emu.faults.FaultPlan;
import io.tsmtck.emu.spdm.SocketServer;
import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.Kit;
import io.tsmtck.tck.catalogue.Rule;
import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.device.DeviceSource;
import io.tsmtck.tck.device.Devices;
import io.tsmtck.tck.transport.DoeConfigMailbox;
import io.tsmtck.tck.transport.SocketMailbox;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The device kit gives the same verdict on the reference device whatever carries its DOE objects:
 * in-process, the SPDM socket protocol over loopback TCP, or the DOE mailbox registers of its
 * emulated configuration space; a device served over TCP without a rig gets every rule that needs
 * none, with the same result; and a deliberately broken device served over TCP is caught.
 */
class DeviceTransportsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /**
     * How long the DOE transport waits for Data Object Ready: a request the device drops (TDISP in
     * plaintext, K_SET_GO without keys) costs this wait, as on hardware (where the kit waits the DOE
     * timeout, 1 s, unless told otherwise). The emulated mailbox answers during the Go write itself, its
     * Busy clearing after a count of Status reads, never after a time: an answer is there or is not once
     * Busy clears, so no wait, however short, can take a late answer for a dropped request here. 10 ms is
     * what a device team would set for firmware known to answer within it (tsm-tck.timeout.device).
     */
    private static final Duration DOE_TIMEOUT = Duration.ofMillis(10);
    private static final Set<String> DEVICE_RULES = Catalogue.standard().of(Kit.DEVICE).rules().stream()
            .filter(Rule::isTestable).map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
    /**
     * The device rules the transports are timed on: all but SPDM-22, which waits the device's own
     * HeartbeatPeriod (the served runs below still run it).
     */
    private static final Set<String> TIMED_RULES = DEVICE_RULES.stream().filter(id -> !id.equals("SPDM-22"))
            .collect(Collectors.toCollection(TreeSet::new));

    @AfterEach
    void backToTheConfiguredDevice() {
        Devices.reset();
        System.clearProperty(KitConfig.FUNCTIONS);
    }

    @Test
    void inProcessTcpAndDoeGiveIdenticalPerRuleResults() {
        long start = System.nanoTime();
        Results inProcess = Results.run(TIMED_RULES);
        long inProcessNanos = System.nanoTime() - start;
        assertThat(inProcess.passed).as("device rules passed in-process").isNotEmpty();

        Devices.use(new RigDevices(RigDevices.Transport.TCP));
        start = System.nanoTime();
        Results tcp = Results.run(TIMED_RULES);
        long tcpNanos = System.nanoTime() - start;
        Devices.use(new RigDevices(RigDevices.Transport.DOE));
        Silences.COUNT.set(0);
        start = System.nanoTime();
        Results doe = Results.run(TIMED_RULES);
        long doeNanos = System.nanoTime() - start;
        long silentNanos = Silences.COUNT.get() * DOE_TIMEOUT.toNanos();
        // a measurement, not a check: the issue "Performance" asks TCP and DOE within 1.5x of in-process; a
        // request the device must drop costs the DOE timeout, as on any DOE mailbox, so that share is shown apart
        System.out.printf("[transports] %d device rules: in-process %d ms, loopback TCP %d ms (%.2fx),"
                + " DOE registers %d ms (%.2fx; %d requests the device dropped, each waited the %d ms DOE timeout"
                + " as on hardware: %.2fx without those waits)%n", TIMED_RULES.size(), inProcessNanos / 1_000_000,
                tcpNanos / 1_000_000, (double) tcpNanos / inProcessNanos, doeNanos / 1_000_000,
                (double) doeNanos / inProcessNanos, Silences.COUNT.get(), DOE_TIMEOUT.toMillis(),
                (double) (doeNanos - silentNanos) / inProcessNanos);

        assertThat(tcp).as("per-rule results over the SPDM socket protocol").isEqualTo(inProcess);
        assertThat(doe).as("per-rule results over the DOE mailbox registers").isEqualTo(inProcess);
    }

    @Test
    void aDeviceServedOverTcpWithoutARigGetsEveryRuleThatNeedsNone() throws Exception {
        Results inProcess = Results.run(DEVICE_RULES);
        Results served = served(FaultPlan.NONE, DEVICE_RULES);

        assertThat(served.failed).as("device rules failing over TCP").isEmpty();
        Set<String> ranBoth = new TreeSet<>(served.passed);
        ranBoth.addAll(served.notApplicable);
        assertThat(inProcess.passed).as("rules passed over TCP also pass in-process").containsAll(served.passed);
        assertThat(served.notTested).as("what only needs a rig (config space, FLR, events, BAR sizes) is NOT_TESTED")
                .isNotEmpty().doesNotContainAnyElementsOf(ranBoth);
        assertThat(served.passed).as("rules that need no rig pass over TCP")
                .contains("TDISP-01", "TDISP-04", "TDISP-19", "TDISP-31", "IDEKM-01", "IDEKM-07");
    }

    @Test
    void aBrokenDeviceServedOverTcpIsCaught() throws Exception {
        Results served = served(FaultPlan.of(Fault.TDISP_NONCE_REUSED), Set.of("TDISP-05", "TDISP-06"));

        assertThat(served.failed).as("rules failing against a served device that reuses its nonce")
                .containsExactly("TDISP-06");
        assertThat(served.passed).contains("TDISP-05");
    }

    /** A run of {@code rules} against a reference device with {@code faults} served over TCP for the whole run. */
    private static Results served(FaultPlan faults, Set<String> rules) throws Exception {
        ReferenceDevice device = new ReferenceDevice(new TopologyRequest(1, 2, 2, TopologyRequest.minimal().barSizes()),
                faults, KitConfig.seed());
        try (SocketServer server = new SocketServer(device.device().responder(), InetAddress.getLoopbackAddress(), 0,
                new PrintStream(OutputStream.nullOutputStream()))) {
            Thread serving = serveOne(server);
            System.setProperty(KitConfig.FUNCTIONS, device.functions().stream().map(f -> f.address().toString())
                    .collect(Collectors.joining(",")));
            Devices.use(Devices.parse("tcp://127.0.0.1:" + server.port()));
            Results results = Results.run(rules);
            Devices.reset();
            serving.join(TIMEOUT.toMillis());
            assertThat(serving.isAlive()).as("the served connection ended with the kit's SHUTDOWN").isFalse();
            return results;
        }
    }

    /** Serves one connection of {@code server} on a thread of its own (a daemon: a stuck peer cannot hold the JVM). */
    private static Thread serveOne(SocketServer server) {
        Thread serving = new Thread(() -> {
            try {
                server.serveOne();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "serve-reference-device");
        serving.setDaemon(true);
        serving.start();
        return serving;
    }

    /**
     * Per-rule results of the device rules of one run; {@code why} (why rules were not tested) is
     * shown, not compared.
     */
    private record Results(Set<String> passed, Set<String> failed, Set<String> notApplicable, Set<String> notTested,
                           Map<String, String> why) {
        /** A run of {@code rules} against the correct reference device of the configured source. */
        static Results run(Set<String> rules) {
            return of(KitRun.run(FaultPlan.NONE, ReferenceStackProvider.LARGEST, rules), rules);
        }

        static Results of(KitRun.Outcome outcome, Set<String> rules) {
            Set<String> passed = new TreeSet<>(rules);
            passed.removeAll(outcome.failedRules());
            passed.removeAll(outcome.notApplicableRules());
            passed.removeAll(outcome.notTestedRules());
            return new Results(passed, only(outcome.failedRules()), only(outcome.notApplicableRules()),
                    only(outcome.notTestedRules()), Map.copyOf(outcome.notTestedReasons()));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Results that && passed.equals(that.passed) && failed.equals(that.failed)
                    && notApplicable.equals(that.notApplicable) && notTested.equals(that.notTested);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(passed, failed, notApplicable, notTested);
        }

        private static Set<String> only(Set<String> rules) {
            return rules.stream().filter(DEVICE_RULES::contains).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /**
     * Fresh reference devices, each with its rig, reached through a real transport: a loopback SPDM
     * socket served for the test, or the DOE mailbox registers of its configuration space.
     */
    private static final class RigDevices implements DeviceSource {
        enum Transport { TCP, DOE }

        private final Transport transport;

        RigDevices(Transport transport) {
            this.transport = transport;
        }

        @Override
        public String describe() {
            return "reference device over " + transport;
        }

        @Override
        public TopologyRequest largest() {
            return new TopologyRequest(1, 8, 8, TopologyRequest.minimal().barSizes());
        }

        @Override
        public boolean fresh() {
            return true;
        }

        @Override
        public DeviceUnderTest open(TopologyRequest wanted) throws IOException {
            ReferenceDevice device = new ReferenceDevice(wanted, FaultPlan.fromSystemProperty(), KitConfig.seed());
            return transport == Transport.DOE
                    ? new Carried(device, new Silences(DoeConfigMailbox.open(device.device().doeConfigSpace(),
                            DOE_TIMEOUT, "emulated DOE")), () -> { })
                    : served(device);
        }

        private static DeviceUnderTest served(ReferenceDevice device) throws IOException {
            SocketServer server = new SocketServer(device.device().responder(), InetAddress.getLoopbackAddress(), 0,
                    new PrintStream(OutputStream.nullOutputStream()));
            Thread serving = serveOne(server);
            return new Carried(device, SocketMailbox.connect("127.0.0.1", server.port(), TIMEOUT), () -> {
                server.close();
                serving.join(TIMEOUT.toMillis());
            });
        }

        @Override
        public void closeAll() {
        }
    }

    /** A reference device whose DOE objects travel over {@code mailbox}; its rig stays in-process. */
    /** A DOE mailbox that counts the requests answered by nothing: each cost the whole DOE timeout. */
    private static final class Silences implements DoeMailbox {
        static final AtomicInteger COUNT = new AtomicInteger();
        private final DoeMailbox mailbox;

        Silences(DoeMailbox mailbox) {
            this.mailbox = mailbox;
        }

        @Override
        public Optional<DoeObject> exchange(DoeObject request) throws IOException {
            Optional<DoeObject> answer = mailbox.exchange(request);
            if (answer.isEmpty()) {
                COUNT.incrementAndGet();
            }
            return answer;
        }

        @Override
        public void close() throws IOException {
            mailbox.close();
        }

        @Override
        public String toString() {
            return mailbox.getClass().getSimpleName();
        }
    }

    private record Carried(ReferenceDevice device, DoeMailbox mailbox, Ending ending) implements DeviceUnderTest {
        interface Ending {
            void end() throws Exception;
        }

        @Override
        public String transport() {
            return mailbox instanceof Silences ? mailbox.toString() : mailbox.getClass().getSimpleName();
        }

        @Override
        public List<PciFunction> functions() {
            return device.functions();
        }

        @Override
        public Optional<DeviceControl> control() {
            return device.control();
        }

        @Override
        public void close() throws IOException {
            mailbox.close();
            try {
                ending.end();
            } catch (Exception e) {
                throw new IOException("ending the transport of " + transport(), e);
            }
        }
    }
}
