package io.tsmtck.emu;

import io.tsmtck.api.Capabilities;
import io.tsmtck.api.Capability;
import io.tsmtck.api.HostStack;
import io.tsmtck.api.StackRequest;
import io.tsmtck.api.TsmStackProvider;
import io.tsmtck.api.UapiExtension;
import io.tsmtck.api.UapiLevel;
import io.tsmtck.api.VendorProfile;
import io.tsmtck.emu.faults.FaultPlan;
import io.tsmtck.emu.faults.FaultSource;
import java.util.EnumSet;
import java.util.Set;

/**
 * The reference implementation's entry point: builds an {@link EmuHostStack} per request. Found by
 * {@link java.util.ServiceLoader}. The no-argument constructor builds correct stacks, unless the
 * {@value FaultPlan#PROPERTY} system property names faults (how a build proves that the kit catches
 * a broken implementation); {@value #TOPOLOGY_PROPERTY} shrinks the platform it declares.
 *
 * <p>To try the kit on a variant of it, wrap it: a provider of your own that delegates to
 * {@code new ReferenceStackProvider(plan)}, listed in your {@code META-INF/services} file, and
 * selected with {@code tsm-tck.provider=<your class>} (the reference's own entry is on the
 * classpath too).
 */
public final class ReferenceStackProvider implements TsmStackProvider {

    /** The vendor profiles the reference implementation has back ends for. */
    public static final Set<VendorProfile> PROFILES = Set.of(VendorProfile.GENERIC_LINK, VendorProfile.AMD_SEV_TIO,
            VendorProfile.INTEL_TDX_CONNECT);

    /**
     * System property that shrinks the platform the reference declares ("DSMS,PFS,VFS", for example
     * "1,1,0" for a single-function device without SR-IOV), as a smaller product would; default
     * {@value #LARGEST}.
     */
    public static final String TOPOLOGY_PROPERTY = "tsm-tck.emu.topology";

    /** The largest platform the reference builds: DSMs, PFs per DSM, VFs per DSM. */
    public static final String LARGEST = "4,8,8";

    /**
     * The uAPI the stacks declare: "mainline", or extensions by name ("IOMMUFD_TSM_V5,SEV_TIO"); unset,
     * mainline 6.19 and every extension, all of which the reference implements.
     */
    public static final String UAPI_PROPERTY = "tsm-tck.emu.uapi";

    /**
     * System property naming the test hooks the reference declares ("TDI_PROBE,FUNCTION_TSM_OPS",
     * or "none"), as a stack without them would; default all. The stacks still have every hook: a kit
     * that used an undeclared one would be caught.
     */
    public static final String HOOKS_PROPERTY = "tsm-tck.emu.hooks";

    private final FaultSource faults;

    /**
     * Correct stacks, or those of the faults the system property names when each stack is made (so
     * that one provider instance can serve a kill-matrix run per fault).
     */
    public ReferenceStackProvider() {
        this.faults = FaultSource.systemProperty();
    }

    /** Stacks with {@code faults}. */
    public ReferenceStackProvider(FaultPlan faults) {
        this.faults = FaultSource.fixed(faults);
    }

    @Override
    public String name() {
        return faults.name("TSM-TCK reference emulator");
    }

    @Override
    public Capabilities capabilities() {
        Set<Capability> hooks = hooks();
        UapiLevel uapi = uapi();
        String spec = System.getProperty(TOPOLOGY_PROPERTY, LARGEST);
        String[] limits = spec.split(",");
        try {
            if (limits.length != 3) {
                throw new NumberFormatException("three numbers");
            }
            return new Capabilities(PROFILES, Integer.parseInt(limits[0].trim()), Integer.parseInt(limits[1].trim()),
                    Integer.parseInt(limits[2].trim()), hooks).withUapi(uapi);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(TOPOLOGY_PROPERTY + "=" + spec + " is not a platform: give DSMS,PFS,VFS"
                    + " with at least one DSM and one PF, for example " + LARGEST + " or 1,1,0", e);
        }
    }

    /**
     * The uAPI the reference declares: mainline 6.19 and every extension it implements, or, with
     * {@link #UAPI_PROPERTY}, mainline and those it names ("mainline" alone: none).
     */
    private static UapiLevel uapi() {
        String spec = System.getProperty(UAPI_PROPERTY, "").trim();
        UapiLevel mainline = UapiLevel.mainline("6.19");
        if (spec.isEmpty()) {
            return mainline.with(UapiExtension.values());
        }
        UapiLevel level = mainline;
        for (String name : spec.split(",")) {
            if (!name.trim().equalsIgnoreCase("mainline")) {
                try {
                    level = level.with(UapiExtension.valueOf(name.trim()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(UAPI_PROPERTY + "=" + spec + " names " + name.trim()
                            + ", which is no uAPI extension; give mainline, or some of "
                            + EnumSet.allOf(UapiExtension.class), e);
                }
            }
        }
        return level;
    }

    private static Set<Capability> hooks() {
        String spec = System.getProperty(HOOKS_PROPERTY, "").trim();
        if (spec.isEmpty()) {
            return EnumSet.allOf(Capability.class);
        }
        Set<Capability> hooks = EnumSet.noneOf(Capability.class);
        for (String name : spec.split(",")) {
            if (!name.trim().equalsIgnoreCase("none")) {
                try {
                    hooks.add(Capability.valueOf(name.trim()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(HOOKS_PROPERTY + "=" + spec + " names " + name.trim()
                            + ", which is no hook; give some of " + EnumSet.allOf(Capability.class) + ", or none", e);
                }
            }
        }
        return hooks;
    }

    @Override
    public HostStack create(StackRequest request) {
        if (!capabilities().supports(request.profile(), request.topology())) {
            throw new IllegalArgumentException("outside the reference implementation's capabilities: " + request);
        }
        return new EmuHostStack(request, faults.plan(), 0);
    }
}
