package io.tsmtck.emu.faults;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which {@link Fault}s a stack is built with. Immutable: a stack's defects are fixed when it is
 * made, so tests cannot disturb each other.
 *
 * @param faults the active faults; empty for the correct implementation
 */
public record FaultPlan(Set<Fault> faults) {

    /** System property naming faults to build every stack with (comma separated). */
    public static final String PROPERTY = "tsm-tck.emu.faults";

    /** No faults: the reference behaviour. */
    public static final FaultPlan NONE = new FaultPlan(Set.of());

    public FaultPlan {
        faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
    }

    /** Exactly one fault. */
    public static FaultPlan of(Fault fault) {
        return new FaultPlan(Set.of(fault));
    }

    /**
     * Faults named in {@code spec} ("TSM_BIND_WITHOUT_VM,VFIO_BIND_WHILE_MAPPED"); empty or blank
     * for none.
     *
     * @throws IllegalArgumentException naming the unknown fault and listing the known ones
     */
    public static FaultPlan parse(String spec) {
        Set<Fault> faults = EnumSet.noneOf(Fault.class);
        for (String name : spec.split(",")) {
            String trimmed = name.trim().toUpperCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                faults.add(Fault.valueOf(trimmed));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown fault '" + name.trim() + "' in " + PROPERTY
                        + "; known faults: " + EnumSet.allOf(Fault.class), e);
            }
        }
        return new FaultPlan(faults);
    }

    /** The plan named by the {@value #PROPERTY} system property, or none. */
    public static FaultPlan fromSystemProperty() {
        return parse(System.getProperty(PROPERTY, ""));
    }

    /*
     * The fault points. Each place the reference can go wrong is one of these calls, named after the
     * fault, with the correct code as its argument (the way the kernel's fault injection is one
     * should_fail() call): read the call's argument for what a conforming implementation does.
     */

    /**
     * A check of the correct code, which {@code removedBy} removes: {@code violated} when the fault
     * is off, {@code false} when it is on. {@code if (faults.check(F, flags != 0)) return EINVAL;}
     */
    public boolean check(Fault removedBy, boolean violated) {
        return violated && !faults.contains(removedBy);
    }

    /** A step of the correct code, which {@code omittedBy} leaves out. */
    public void step(Fault omittedBy, Runnable step) {
        if (!faults.contains(omittedBy)) {
            step.run();
        }
    }

    /**
     * The value of the correct code, which {@code fault} replaces with {@code wrong}; both are
     * computed, so neither may have side effects.
     */
    public <T> T value(Fault fault, T correct, T wrong) {
        return faults.contains(fault) ? wrong : correct;
    }

    /**
     * Whether {@code fault} adds its wrong behaviour here (kernel fault injection's should_fail()):
     * {@code if (faults.inject(F)) return wrong;} ahead of the correct code, which follows unchanged.
     */
    public boolean inject(Fault fault) {
        return faults.contains(fault);
    }

    /**
     * Whether {@code fault} adds its wrong behaviour here, in the situation {@code where} it acts
     * ({@code if (faults.inject(F, tdi.state() == RUN)) return wrong;}): the situation names where the
     * defect shows and is no part of the correct code, which follows unchanged.
     */
    public boolean inject(Fault fault, boolean where) {
        return where && faults.contains(fault);
    }
}
