package io.tsmtck.tck.catalogue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.tsmtck.api.Capability;
import io.tsmtck.api.device.DeviceControl;
import io.tsmtck.api.UapiExtension;
import io.tsmtck.api.UapiLevel;
import io.tsmtck.api.VendorProfile;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule of the catalogue: a single testable statement with its public source.
 *
 * @param id stable id, {@code <area prefix>-<nn>}; never reused
 * @param level MUST, SHOULD or MAY
 * @param area the part of the stack
 * @param statement the rule, one testable sentence
 * @param source the public source (spec section, kernel file and function, mailing-list message)
 * @param hint what to check if the rule fails (required: every failure message ends with it)
 * @param hooks test hooks the rule's tests need; without one the rule is NOT_TESTED
 * @param conditions facts about the subject the rule holds under; where one is false the rule is
 *     NOT_APPLICABLE
 * @param profiles the vendor profiles the rule applies to; empty for all
 * @param testable whether the kit can test it through the SPI
 * @param untestableReason why not, when not testable
 * @param note a remark (an unsettled reading the rule accepts, an UNVERIFIED fact)
 * @param since the kit version that added the rule
 * @param kit the kit that tests it; unset, its area's ({@link Area#kit()})
 * @param provenance the kind of source the rule's claim needs
 * @param ownSteps set-up steps that are themselves what the rule is about (their names' first
 *     words, as {@code Setup} names them): a refused one FAILS the rule; any other refused step
 *     leaves the case NOT_TESTED, blocked by it
 * @param rig what a device's rig must offer (one of them at least) for the rule's tests to run (device
 *     kit): without, a test is NOT_TESTED before it meets the device, so that it costs nothing
 * @param uapi the kernel uAPI beyond mainline the rule needs (host kit): the series or proposal its
 *     statement rests on, and the interfaces its tests call; a stack whose {@link UapiLevel} lacks
 *     one gets the rule NOT_APPLICABLE
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Rule(String id, Level level, Area area, String statement, String source, String hint,
                   List<Capability> hooks, List<Condition> conditions,
                   List<VendorProfile> profiles, Boolean testable, String untestableReason,
                   String note, String since, Kit kit, Provenance provenance,
                   List<String> ownSteps, List<DeviceControl.Action> rig, List<UapiExtension> uapi) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(level, id + ": level");
        Objects.requireNonNull(area, id + ": area");
        Objects.requireNonNull(statement, id + ": statement");
        Objects.requireNonNull(source, id + ": source");
        Objects.requireNonNull(since, id + ": since");
        Objects.requireNonNull(provenance, id + ": provenance (PCIE, DMTF, MAINLINE, SERIES, PROPOSAL or KIT)");
        hooks = hooks == null ? List.of() : List.copyOf(hooks);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        ownSteps = ownSteps == null ? List.of() : List.copyOf(ownSteps);
        rig = rig == null ? List.of() : List.copyOf(rig);
        uapi = uapi == null ? List.of() : List.copyOf(uapi);
        testable = testable == null || testable;
        if (hint == null || hint.isBlank()) {
            throw new IllegalArgumentException(id + ": a rule says what to check when it fails (hint), in the terms"
                    + " of the kernel or the device firmware");
        }
        note = note == null ? "" : note;
        kit = kit == null ? area.kit() : kit;
        if (!testable && (untestableReason == null || untestableReason.isBlank())) {
            throw new IllegalArgumentException(id + ": an untestable rule says why");
        }
    }

    /** Whether the kit tests this rule. */
    public boolean isTestable() {
        return testable;
    }

    /** Why the rule is not testable, if it is not. */
    public Optional<String> whyUntestable() {
        return Optional.ofNullable(untestableReason);
    }

    /** The extensions of {@link #uapi} that {@code level} lacks: the rule is NOT_APPLICABLE unless none. */
    public List<UapiExtension> missingFrom(UapiLevel level) {
        return uapi.stream().filter(extension -> !level.has(extension)).toList();
    }

    /** Whether the rule applies to {@code profile}. */
    public boolean appliesTo(VendorProfile profile) {
        return profiles.isEmpty() || profiles.contains(profile);
    }

    /** Whether a set-up step named {@code step} is itself what this rule is about. */
    public boolean isAbout(String step) {
        return ownSteps.stream().anyMatch(step::startsWith);
    }

    /** "TDISP-04 (MUST)". */
    public String label() {
        return id + " (" + level + ")";
    }
}
