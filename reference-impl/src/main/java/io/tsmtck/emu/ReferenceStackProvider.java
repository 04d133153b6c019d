package io.tsmtck.emu;

import io.tsmtck.api.Capabilities;
import io.tsmtck.api.Capability;
import io.tsmtck.api.HostStack;
import io.tsmtck.api.StackRequest;
import io.tsmtck.api.TsmStackProvider;
import io.tsmtck.api.VendorProfile;
import io.tsmtck.emu.faults.FaultPlan;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The reference implementation's entry point: builds an {@link EmuHostStack} per request. Found by
 * {@link java.util.ServiceLoader}. The no-argument constructor builds correct stacks, unless the
 * {@value FaultPlan#PROPERTY} system property names faults (how a build proves that the kit catches
 * a broken implementation).
 */
public final class ReferenceStackProvider implements TsmStackProvider {

    /** The vendor profiles the reference implementation has back ends for. */
    public static final Set<VendorProfile> PROFILES = Set.of(VendorProfile.GENERIC_LINK, VendorProfile.AMD_SEV_TIO,
            VendorProfile.INTEL_TDX_CONNECT);

    private static final Capabilities CAPABILITIES = new Capabilities(PROFILES, 4, 8, 8,
            EnumSet.allOf(Capability.class));

    private final Optional<FaultPlan> faults;

    /**
     * Correct stacks, or those of the faults the system property names when each stack is made (so
     * that one provider instance can serve a kill-matrix run per fault).
     */
    public ReferenceStackProvider() {
        this.faults = Optional.empty();
    }

    /** Stacks with {@code faults}. */
    public ReferenceStackProvider(FaultPlan faults) {
        this.faults = Optional.of(Objects.requireNonNull(faults, "faults"));
    }

    private FaultPlan faults() {
        return faults.orElseGet(FaultPlan::fromSystemProperty);
    }

    @Override
    public String name() {
        FaultPlan plan = faults();
        return plan.faults().isEmpty() ? "TSM-TCK reference emulator"
                : "TSM-TCK reference emulator with faults " + plan.faults();
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public HostStack create(StackRequest request) {
        if (!CAPABILITIES.supports(request.profile(), request.topology())) {
            throw new IllegalArgumentException("outside the reference implementation's capabilities: " + request);
        }
        return new EmuHostStack(request, faults(), 0);
    }
}
