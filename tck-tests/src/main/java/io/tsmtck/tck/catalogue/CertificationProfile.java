package io.tsmtck.tck.catalogue;

import io.tsmtck.api.Capability;
import java.util.Locale;
import java.util.Optional;

/**
 * What a host certificate covers, as Jakarta EE's profiles do: the rules of a profile are fixed by
 * the catalogue, never by the provider. The host kit's rules outside the chosen profile are
 * NOT_APPLICABLE, with the fact shown; inside it, a rule that could not run still blocks CERTIFIED.
 */
public enum CertificationProfile {
    /** Every rule of the kit, each test hook included: a lab host with test modules and a TDI probe. */
    LAB("lab profile"),
    /**
     * The rules observable through the kernel's uAPI alone, those that need no test hook: what a
     * production host can be certified for.
     */
    UAPI("uapi profile");

    private final String label;

    CertificationProfile(String label) {
        this.label = label;
    }

    /** As the verdict line names it. */
    public String label() {
        return label;
    }

    /** Whether {@code rule} belongs to this profile. */
    public boolean includes(Rule rule) {
        return this == LAB || rule.kit() == Kit.DEVICE || rule.hooks().isEmpty();
    }

    /** Why {@code rule} is outside this profile, if it is. */
    public Optional<String> excludes(Rule rule) {
        return includes(rule) ? Optional.empty() : Optional.of("outside the " + label + ": the rule needs the test"
                + " hooks " + rule.hooks().stream().map(Capability::name).toList() + ", which the kernel's uAPI alone"
                + " does not give");
    }

    /** The profile named {@code name} ("uapi" or "lab", any case); a clear error for anything else. */
    public static CertificationProfile parse(String name) {
        for (CertificationProfile profile : values()) {
            if (profile.name().equalsIgnoreCase(name.trim())) {
                return profile;
            }
        }
        throw new IllegalArgumentException("tsm-tck.profile=" + name + " is no certification profile: give uapi (the"
                + " rules the kernel's uAPI alone shows, for a production host) or lab (every rule, with the test"
                + " hooks)");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
