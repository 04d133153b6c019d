package io.tsmtck.tck.device;

import io.tsmtck.api.spdm.message.CapabilityFlag;
import io.tsmtck.api.spdm.message.GetMeasurements;
import io.tsmtck.api.spdm.message.MeasurementBlock;
import io.tsmtck.api.spdm.message.MeasurementsResponse;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.TdispCapabilitiesResponse;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.host.Suts;
import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.setup.SetupFailure;
import io.tsmtck.tck.spdm.MeasurementReader;
import io.tsmtck.tck.spdm.SpdmConnection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Meets the device once before the device kit's tests, as the report names it: negotiates, validates
 * its chain, opens a session and asks PF0's TDISP capabilities. A device the kit cannot reach, or
 * whose chain does not end at the trust anchor, ends the run here with what went wrong.
 */
public final class DeviceProbe {

    /** How the report's rig line says that the rig declares the device reacts at once. */
    public static final String REACTS_AT_ONCE = "declares that the device reacts at once";

    private DeviceProbe() {
    }

    /** "0x0000C662: CERT_CAP, CHAL_CAP, ...": the CAPABILITIES flags by name, and any bit the kit does not know. */
    static String spdmCapabilities(long flags) {
        List<String> names = Stream.of(CapabilityFlag.values()).filter(flag -> flag.in(flags)).map(Enum::name)
                .collect(Collectors.toCollection(ArrayList::new));
        long known = Stream.of(CapabilityFlag.values()).mapToLong(CapabilityFlag::mask).reduce(0, (a, b) -> a | b);
        long unknown = flags & ~known;
        if (unknown != 0) {
            names.add(String.format("unknown bits 0x%08X", unknown));
        }
        return String.format("0x%08X: %s", flags, names.isEmpty() ? "none" : String.join(", ", names));
    }

    /** TDISP_CAPABILITIES field by field, the requests it advertises by name. */
    static String tdispCapabilities(TdispCapabilitiesResponse caps) {
        return String.format("DSM_CAPS 0x%08X; requests supported: %s; LOCK_INTERFACE_FLAGS_SUPPORTED 0x%04X;"
                + " DEV_ADDR_WIDTH %d; NUM_REQ_THIS %d; NUM_REQ_ALL %d", caps.dsmCaps(),
                Stream.of(MessageType.values()).filter(MessageType::isRequest).filter(caps::supports)
                        .map(Enum::name).collect(Collectors.joining(", ")), caps.lockFlagsSupported(),
                caps.devAddrWidth(), caps.numReqThis(), caps.numReqAll());
    }

    /** The device could not be met: why, and what went over its mailbox until then. */
    public static final class Unmet extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        private final String transcript;

        Unmet(String message, String transcript, Throwable cause) {
            super(message, cause);
            this.transcript = transcript;
        }

        /** What went over the device's mailbox, one line per message. */
        public String transcript() {
            return transcript;
        }
    }

    /**
     * The device's measurements, as a TSM hands them to a guest beside the chain: every block, read
     * signed in the kit's session (in the clear in a plaintext run) and verified over L1/L2 (a fresh
     * nonce from the run's seed); or why there are none. A refusal here is not a verdict: the SPDM
     * rules judge it.
     */
    static List<String> measurements(DeviceSut sut, SpdmConnection connection) {
        if (!CapabilityFlag.MEAS_CAP_SIG.in(connection.capabilities().flags())
                || !connection.measurementsNegotiated()) {
            return List.of(String.format("none: CAPABILITIES flags 0x%08X without signed measurements (MEAS_CAP 10b), "
                    + "or no DMTF measurement specification selected", connection.capabilities().flags()));
        }
        byte[] nonce = new byte[32];
        new Random(KitConfig.seed()).nextBytes(nonce);
        MeasurementReader reader = KitConfig.plaintext() ? MeasurementReader.inTheClear(connection)
                : MeasurementReader.inSession(connection, sut.session());
        SessionResult<List<MeasurementsResponse>> read = reader.read(List.of(reader.request(
                GetMeasurements.ALL_MEASUREMENTS, true, ByteString.of(nonce))));
        if (!read.isOk()) {
            return List.of("not read: " + read.failure().orElseThrow());
        }
        DecodeResult<List<MeasurementBlock>> blocks = MeasurementBlock.parse(read.orElseThrow().get(0).record());
        return blocks.isDecoded() ? blocks.orElseThrow().stream().map(MeasurementBlock::toString).toList()
                : List.of("not read: " + blocks.failure().orElseThrow());
    }

    /**
     * The device's identity for the report.
     *
     * @throws Unmet naming the step that failed and how to fix it, with what went over the mailbox
     */
    public static CertificationReport.Device probe() {
        DeviceSut sut = new DeviceSut(Suts.WITH_SUBFUNCTIONS);
        try {
            SpdmConnection connection = sut.connect().connection();
            TdispCapabilitiesResponse tdisp = sut.tdisp(sut.pf0()).capabilities();
            return new CertificationReport.Device(sut.device().transport(),
                    connection.leaf().getSubjectX500Principal().getName(),
                    connection.chain().digest(connection.suite().hash()).hex(), connection.version().toString(),
                    spdmCapabilities(connection.capabilities().flags()), connection.suite().toString(),
                    String.format("0x%02X", tdisp.header().version()), tdispCapabilities(tdisp),
                    sut.functions().stream().map(f -> f.address() + " (" + f.role() + ")").collect(Collectors.toList()),
                    measurements(sut, connection),
                    sut.device().control().map(rig -> "actions " + rig.actions() + (rig.reactsAtOnce()
                            ? "; " + REACTS_AT_ONCE + ": \"does not happen\" clauses checked at once and looked at"
                            + " again within a quarter of " + KitConfig.TIMEOUT_ABSENT
                            : "; \"does not happen\" clauses watched for " + KitConfig.TIMEOUT_ABSENT))
                            .orElse("none"));
        } catch (AssertionError | RuntimeException e) {
            if (!(e instanceof AssertionError || e instanceof SetupFailure)) {
                throw e;
            }
            throw new Unmet("the device " + Devices.source().describe() + " could not be met before the"
                    + " tests: " + String.valueOf(e.getMessage()).replaceAll("\\.+$", "") + ". Check that it is"
                    + " running, that " + KitConfig.TRUST_ANCHOR
                    + " is the root its chain ends at, that it speaks SPDM 1.1-1.3 with KEY_EX_CAP, and that "
                    + KitConfig.FUNCTIONS + " names its functions (PF0 first; the default is 0000:00:00.0).",
                    sut.transcriptOutsideTests(), e);
        } finally {
            try {
                sut.close();
            } catch (IOException e) {
                System.err.println("[tsm-tck] closing the probe's device: " + e.getMessage());
            }
        }
    }
}
