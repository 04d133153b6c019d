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

    /** Whether {@code fault} is active. */
    public boolean has(Fault fault) {
        return faults.contains(fault);
    }
}
