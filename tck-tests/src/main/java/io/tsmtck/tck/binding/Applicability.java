package io.tsmtck.tck.binding;

import io.tsmtck.api.Capability;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.spdm.message.CapabilityFlag;
import io.tsmtck.api.spdm.message.VersionResponse;
import io.tsmtck.api.tdisp.InterfaceReport;
import io.tsmtck.api.tdisp.LockFlag;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.MmioRange;
import io.tsmtck.api.tdisp.TdispCapabilitiesResponse;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.api.vfio.ConfigRegister;
import io.tsmtck.tck.catalogue.Condition;
import io.tsmtck.tck.catalogue.Rule;
import io.tsmtck.tck.device.DeviceSut;
import io.tsmtck.tck.device.RigConfig;
import io.tsmtck.tck.host.HostSut;
import io.tsmtck.tck.spdm.SpdmConnection;
import io.tsmtck.tck.spdm.SpdmSession;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides a conditional rule's condition from facts about the subject: its topology, or what the
 * device answers on the wire. A false condition ends the test as {@link NotApplicable} with the
 * fact; a condition the catalogue does not list for the rule under test is a defect of the kit.
 */
public final class Applicability {

    private Applicability() {
    }

    /** NOT_APPLICABLE unless the subject's PF0 has virtual functions. */
    public static void requireVfs(TdiSubject sut) {
        if (sut.topology().vfsPerDsm() == 0) {
            throw notApplicable(Condition.HAS_VFS, "the subject has none");
        }
        checkListed(Condition.HAS_VFS);
    }

    /** NOT_APPLICABLE unless the subject's DSM has functions besides PF0. */
    public static void requireSubfunctions(HostSut sut) {
        requireSubfunctions(sut, "the subject has PF0 only (" + sut.declaredBy("maxFunctionsPerDsm = 1, maxVfsPerDsm = 0")
                + ")");
    }

    /** NOT_APPLICABLE unless the device has functions besides PF0. */
    public static void requireSubfunctions(DeviceSut sut) {
        requireSubfunctions(sut, "the device has PF0 only (" + sut.functions().size() + " function tested)");
    }

    private static void requireSubfunctions(TdiSubject sut, String fact) {
        TopologyRequest topology = sut.topology();
        if (topology.functionsPerDsm() + topology.vfsPerDsm() < 2) {
            throw notApplicable(Condition.HAS_SUBFUNCTIONS, fact);
        }
        checkListed(Condition.HAS_SUBFUNCTIONS);
    }

    /** NOT_APPLICABLE unless the subject has at least two DSMs in one stack. */
    public static void requireSeveralDsms(HostSut sut) {
        if (sut.topology().dsms() < 2) {
            throw notApplicable(Condition.HAS_SEVERAL_DSMS, "the subject has one (" + sut.declaredBy("maxDsms = 1") + ")");
        }
        checkListed(Condition.HAS_SEVERAL_DSMS);
    }

    /**
     * NOT_APPLICABLE unless {@code function}'s device advertises every one of {@code requests} in
     * REQ_MSGS_SUPPORTED; asks the device with GET_TDISP_CAPABILITIES (the DSM must be connected).
     */
    public static void requireAdvertised(DeviceSut sut, PciFunction function, Condition condition,
                                         MessageType... requests) {
        checkListed(condition);
        TdispCapabilitiesResponse capabilities = sut.tdisp(function).capabilities();
        List<MessageType> missing = List.of(requests).stream().filter(type -> !capabilities.supports(type))
                .collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw new NotApplicable(condition, "TDISP_CAPABILITIES of " + function.address()
                    + " has REQ_MSGS_SUPPORTED " + capabilities.requestsSupported().hex() + ", without "
                    + missing.stream().map(t -> t + String.format(" (bit %d)", t.code() - 0x80))
                    .collect(Collectors.joining(", ")));
        }
    }

    /**
     * NOT_APPLICABLE unless {@code function}'s device advertises {@code flag} in
     * LOCK_INTERFACE_FLAGS_SUPPORTED (the DSM must be connected).
     */
    public static void requireLockFlag(DeviceSut sut, PciFunction function, Condition condition, LockFlag flag) {
        checkListed(condition);
        TdispCapabilitiesResponse capabilities = sut.tdisp(function).capabilities();
        if ((capabilities.lockFlagsSupported() & flag.mask()) == 0) {
            throw new NotApplicable(condition, String.format("TDISP_CAPABILITIES of %s has"
                    + " LOCK_INTERFACE_FLAGS_SUPPORTED 0x%04X, without %s (0x%04X)", function.address(),
                    capabilities.lockFlagsSupported(), flag, flag.mask()));
        }
    }

    /**
     * NOT_APPLICABLE unless {@code deviceCapabilities}, read from {@code function}'s Device
     * Capabilities register, has Function Level Reset Capability.
     */
    public static void requireFlr(PciAddress function, int deviceCapabilities) {
        if ((deviceCapabilities & ConfigRegister.DEVICE_CAPABILITIES_FLR) == 0) {
            throw notApplicable(Condition.HAS_FLR, String.format("Device Capabilities of %s is 0x%08X, without"
                    + " Function Level Reset Capability (bit 28)", function, deviceCapabilities));
        }
        checkListed(Condition.HAS_FLR);
    }

    /**
     * NOT_APPLICABLE unless {@code function} has {@code register} (the control register of a capability, as
     * its rig tells): a function without the capability has nothing of it to change.
     */
    public static void requireRegister(RigConfig config, PciFunction function, ConfigRegister register) {
        if (!config.has(register)) {
            throw notApplicable(Condition.HAS_WRITABLE_CAPABILITY_CONTROL, function.address() + " has no " + register
                    + " (its rig reports the capability absent)");
        }
        checkListed(Condition.HAS_WRITABLE_CAPABILITY_CONTROL);
    }

    /**
     * NOT_APPLICABLE when {@code register} of {@code function} kept {@code old} after the kit wrote {@code written}:
     * the bit is read-only there, so the change the rule is about cannot be made.
     */
    public static void requireTaken(PciFunction function, ConfigRegister register, int old, int written, int now) {
        if (now == old) {
            throw notApplicable(Condition.HAS_WRITABLE_CAPABILITY_CONTROL, String.format("%s of %s kept 0x%04X after"
                    + " a write of 0x%04X: the bit is read-only on this function", register, function.address(), old,
                    written));
        }
        checkListed(Condition.HAS_WRITABLE_CAPABILITY_CONTROL);
    }

    /**
     * NOT_APPLICABLE when {@code function}'s Expansion ROM base address register kept none of the address bits
     * (31:11) the kit wrote: the function has no Expansion ROM to place.
     */
    public static void requireExpansionRom(PciFunction function, int written, int now) {
        if ((now & 0xFFFF_F800) == 0) {
            throw notApplicable(Condition.HAS_EXPANSION_ROM, String.format("the Expansion ROM BAR of %s reads 0x%08X"
                    + " after a write of 0x%08X: the function has no Expansion ROM", function.address(), now, written));
        }
        checkListed(Condition.HAS_EXPANSION_ROM);
    }

    /**
     * NOT_APPLICABLE when Phantom Functions Enable did not stick in {@code function}'s Device Control (read
     * {@code now} after the kit set it): the function has no Phantom Functions, so none can be enabled.
     */
    public static void requirePhantomFunctions(PciFunction function, int now) {
        if ((now & ConfigRegister.DEVICE_CONTROL_PHANTOM_FUNCTIONS) == 0) {
            throw notApplicable(Condition.HAS_PHANTOM_FUNCTIONS, String.format("Device Control of %s reads 0x%04X"
                    + " after the kit set Phantom Functions Enable (bit 9): the bit is read-only 0 there",
                    function.address(), now));
        }
        checkListed(Condition.HAS_PHANTOM_FUNCTIONS);
    }

    /**
     * The first MMIO range of {@code report} marked IS_MEM_ATTR_UPDATABLE; NOT_APPLICABLE if it has
     * none.
     */
    public static MmioRange requireUpdatableRange(PciFunction function, InterfaceReport report) {
        return report.ranges().stream().filter(r -> (r.attributes() & MmioRange.ATTR_IS_MEM_ATTR_UPDATABLE) != 0)
                .findFirst().orElseThrow(() -> notApplicable(Condition.REPORTS_UPDATABLE_RANGE, "the interface"
                        + " report of " + function.address() + " has no range marked IS_MEM_ATTR_UPDATABLE ("
                        + report.ranges().size() + " ranges)"));
    }

    /** NOT_APPLICABLE unless {@code connection} negotiated SPDM 1.2 or later. */
    public static void requireSpdm12(SpdmConnection connection) {
        if (connection.version().code() < 0x12) {
            throw notApplicable(Condition.NEGOTIATES_SPDM_1_2, "the connection negotiated " + connection.version());
        }
        checkListed(Condition.NEGOTIATES_SPDM_1_2);
    }

    /** NOT_APPLICABLE unless {@code offered} has {@code version}. */
    public static void requireVersion(VersionResponse offered, SpdmVersion version) {
        if (offered.highestCommon(List.of(version)).isEmpty()) {
            throw notApplicable(Condition.OFFERS_SPDM_VERSION, "VERSION offers " + offered.entries().stream()
                    .map(entry -> String.format("0x%04X", entry)).toList() + ", without " + version);
        }
        checkListed(Condition.OFFERS_SPDM_VERSION);
    }

    /**
     * NOT_APPLICABLE unless {@code connection}'s CAPABILITIES has every one of {@code flags}, and, for
     * {@link Condition#ADVERTISES_SIGNED_MEASUREMENTS}, ALGORITHMS selected the DMTF measurement
     * specification.
     */
    public static void requireSpdmCapability(SpdmConnection connection, Condition condition, CapabilityFlag... flags) {
        checkListed(condition);
        long advertised = connection.capabilities().flags();
        List<CapabilityFlag> missing = List.of(flags).stream().filter(flag -> !flag.in(advertised)).toList();
        if (!missing.isEmpty()) {
            throw new NotApplicable(condition, String.format("CAPABILITIES has flags 0x%08X, without %s", advertised,
                    missing));
        }
        if (condition == Condition.ADVERTISES_SIGNED_MEASUREMENTS && !connection.measurementsNegotiated()) {
            throw new NotApplicable(condition, "ALGORITHMS selected no DMTF measurement specification and "
                    + "measurement hash (MeasurementSpecificationSel 0x" + Integer.toHexString(
                    connection.algorithms().measurementSpecification()) + ")");
        }
    }

    /** NOT_APPLICABLE unless {@code session}'s KEY_EXCHANGE_RSP announced a HeartbeatPeriod. */
    public static void requireHeartbeatPeriod(SpdmSession session) {
        if (session.heartbeatPeriod() == 0) {
            throw notApplicable(Condition.ADVERTISES_HEARTBEAT, String.format("KEY_EXCHANGE_RSP of session 0x%08x "
                    + "announced HeartbeatPeriod 0", session.sessionId()));
        }
        checkListed(Condition.ADVERTISES_HEARTBEAT);
    }

    private static NotApplicable notApplicable(Condition condition, String fact) {
        checkListed(condition);
        return new NotApplicable(condition, fact);
    }

    /** Fails unless the rule under test lists {@code condition} in the catalogue. */
    public static void checkListed(Condition condition) {
        RuleContext.current().map(RuleContext::rule).filter(rule -> !rule.conditions().contains(condition))
                .ifPresent(rule -> {
                    throw new IllegalStateException(defect(rule, "condition " + condition));
                });
    }

    /** Fails unless the rule under test lists {@code hook} in the catalogue. */
    public static void checkListed(Capability hook) {
        RuleContext.current().map(RuleContext::rule).filter(rule -> !rule.hooks().contains(hook))
                .ifPresent(rule -> {
                    throw new IllegalStateException(defect(rule, "test hook " + hook));
                });
    }

    private static String defect(Rule rule, String what) {
        return "kit defect: a test of " + rule.label() + " depends on " + what + ", which rules.yaml does not list"
                + " for the rule";
    }
}
