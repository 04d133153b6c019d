package io.tsmtck.emu.faults;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a reference provider takes its faults from: a plan fixed at construction, or the plan
 * {@value FaultPlan#PROPERTY} names when each stack or device is made (so that one provider
 * instance can serve a kill-matrix run per fault).
 */
public final class FaultSource {

    private final Optional<FaultPlan> fixed;

    private FaultSource(Optional<FaultPlan> fixed) {
        this.fixed = fixed;
    }

    /** The plan the system property names at each use. */
    public static FaultSource systemProperty() {
        return new FaultSource(Optional.empty());
    }

    /** Always {@code plan}. */
    public static FaultSource fixed(FaultPlan plan) {
        return new FaultSource(Optional.of(Objects.requireNonNull(plan, "faults")));
    }

    /** The plan now. */
    public FaultPlan plan() {
        return fixed.orElseGet(FaultPlan::fromSystemProperty);
    }

    /** {@code base}, with the faults named when there are any: the provider's name for reports. */
    public String name(String base) {
        FaultPlan plan = plan();
        return plan.faults().isEmpty() ? base : base + " with faults " + plan.faults();
    }
}
