package io.tsmtck.tck.host;

import io.tsmtck.api.Capability;
import io.tsmtck.api.FixedDevice;
import io.tsmtck.api.HostStack;
import io.tsmtck.api.StackRequest;
import io.tsmtck.api.TdiProbe;
import io.tsmtck.api.TsmStackProvider;
import io.tsmtck.api.VendorProfile;
import io.tsmtck.api.iommufd.Iommufd;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.Dsm;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.api.vfio.VfioCdev;
import io.tsmtck.api.vfio.VfioDevice;
import io.tsmtck.api.vm.VmType;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.binding.Applicability;
import io.tsmtck.tck.binding.ImplementationFailure;
import io.tsmtck.tck.binding.OracleCheck;
import io.tsmtck.tck.binding.RuleContext;
import io.tsmtck.tck.binding.TdiSubject;
import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.host.inventory.DeviceReset;
import io.tsmtck.tck.host.inventory.InventoryRun;
import io.tsmtck.tck.host.spi.SpiCalls;
import io.tsmtck.tck.host.spi.SpiGuard;
import io.tsmtck.tck.setup.BoundedCall;
import io.tsmtck.tck.setup.Setup;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The system under test for one test invocation: a fresh stack from the implementation, built on
 * first use, with the kit's helpers around it. Closing it closes the stack.
 */
public final class HostSut implements TdiSubject, AutoCloseable {

    private final StackSpec spec;
    private final SpiCalls calls = new SpiCalls();
    private final OracleCheck oracle = new OracleCheck(calls::actions);
    private HostStack stack;
    private HostStack raw;
    private Map<String, Integer> fresh = Map.of();
    private boolean closed;
    private final Map<PciFunction, VfioDevice> vfio = new HashMap<>();
    private Iommufd iommufd;
    private InventoryRun inventoryRun;
    private String ruleUnderTest = "no rule";
    private Duration closeTimeout = KitConfig.DEFAULT_TEST_TIMEOUT;

    /** A stack for {@code spec}, built when first used. */
    public HostSut(StackSpec spec) {
        this.spec = spec;
    }

    /** The stack; built now if it was not yet. Aborts (NOT_TESTED) if the provider cannot build it. */
    public HostStack stack() {
        if (stack == null && spec.device().isPresent()) {
            takeFixedDevice(spec.device().get());
        }
        if (stack == null) {
            TsmStackProvider provider = Implementation.provider();
            if (!provider.capabilities().supports(spec.profile(), spec.topology())) {
                throw new TestAbortedException("needs a stack of " + spec + "; declare it in Capabilities to test"
                        + " this rule");
            }
            RuleContext.current().ifPresent(context -> {
                context.uses(calls);
                closeTimeout = context.testTimeout();
                ruleUnderTest = context.rule().id();
            });
            Optional<StackPool.Idle> idle = StackPool.enabled() ? StackPool.take(spec) : Optional.empty();
            if (idle.isPresent()) {
                raw = idle.get().stack();
                fresh = idle.get().fresh();
            } else {
                StackRequest request = new StackRequest(spec.profile(), spec.topology(), KitConfig.seed());
                raw = calls.call("TsmStackProvider.create(" + request + ")", () -> provider.create(request),
                        "HostStack");
                calls.markCreated();
                fresh = StackPool.enabled() ? StackPool.observed(raw).orElse(Map.of()) : Map.of();
            }
            stack = SpiGuard.wrap(HostStack.class, raw, calls);
        }
        return stack;
    }

    /** The fixed device's stack for this test; NOT_TESTED if the device was taken out of the run. */
    private void takeFixedDevice(FixedDevice device) {
        inventoryRun = RuleContext.current().map(RuleContext::inventoryRun).orElseGet(InventoryRun::new);
        ruleUnderTest = RuleContext.current().map(c -> c.rule().id()).orElse(ruleUnderTest);
        inventoryRun.checkUsable(device);
        RuleContext.current().ifPresent(context -> context.uses(calls));
        raw = calls.call("FixedDevice.stack() of " + device.name(), device::stack, "HostStack");
        stack = SpiGuard.wrap(HostStack.class, raw, calls);
    }

    /** Another system under test of the same profile and topology, built when first used. */
    public HostSut sibling() {
        return new HostSut(spec);
    }

    /** The vendor profile. */
    public VendorProfile profile() {
        return spec.profile();
    }

    /**
     * The test hook {@code hook}, which {@code accessor} gets from the stack. Aborts the test
     * (NOT_TESTED) unless the implementation declares it (a NOT_TESTED MUST rule keeps the run
     * from being CERTIFIED); a declared hook the stack does not return fails the test as the
     * provider's error.
     */
    public <T> T hook(Capability hook, Function<HostStack, Optional<T>> accessor) {
        require(hook);
        return accessed(hook, accessor);
    }

    private <T> T accessed(Capability hook, Function<HostStack, Optional<T>> accessor) {
        return accessor.apply(stack()).orElseThrow(() -> ImplementationFailure.breach("the provider declares " + hook
                + " in Capabilities.features but the stack returns none: return " + hook.toImplement()));
    }

    /**
     * {@code hook}'s accessor when the implementation declares the hook, empty when it does not: for
     * a test that runs either way and only checks more with the hook. Such a hook is not one the
     * rule needs, so rules.yaml does not list it (a rule listing a hook is NOT_TESTED without it).
     */
    public <T> Optional<T> hookIfDeclared(Capability hook, Function<HostStack, Optional<T>> accessor) {
        return Implementation.provider().capabilities().has(hook) ? Optional.of(accessed(hook, accessor))
                : Optional.empty();
    }

    /**
     * Aborts the test (NOT_TESTED) unless the implementation declares {@code hook}, a hook that has
     * no accessor of its own (an argument the SPI accepts only from stacks that can honour it).
     */
    public void require(Capability hook) {
        if (!declares(hook)) {
            throw new TestAbortedException(toImplement(hook));
        }
    }

    private static boolean declares(Capability hook) {
        Applicability.checkListed(hook);
        return Implementation.provider().capabilities().has(hook);
    }

    private static String toImplement(Capability hook) {
        return "needs test hook " + hook + ": implement " + hook.toImplement() + " and declare " + hook
                + " in Capabilities.features";
    }

    /** The topology this test's stack has (the wanted one cut down to what the subject declares). */
    @Override
    public TopologyRequest topology() {
        return spec.topology();
    }

    /**
     * Where the subject's topology comes from, for a NOT_APPLICABLE reason: the provider's
     * {@code Capabilities} ({@code limits}), or the fixed device, which has what it has.
     */
    public String declaredBy(String limits) {
        return spec.device().map(device -> "the fixed device " + device.name())
                .orElse("Capabilities." + limits);
    }

    /** The first DSM. */
    public Dsm dsm() {
        return stack().topology().dsms().get(0);
    }

    /** PF0 of the first DSM. */
    public PciFunction pf0() {
        return dsm().pf0();
    }

    /** Function {@code index} of the first DSM (PF0 is 0, then the other PFs, then the VFs). */
    public PciFunction function(int index) {
        return dsm().functions().get(index);
    }

    /** The name of the first TSM device. */
    public String tsmName() {
        return stack().topology().tsmDevices().get(0);
    }

    /** Connects every DSM to the first TSM; a refusal fails the test as a setup failure. */
    public HostSut connect() {
        for (Dsm dsm : stack().topology().dsms()) {
            Setup.require(stack().tsm().connect(dsm.address(), tsmName()), "connect " + dsm.address());
        }
        return this;
    }

    /**
     * The TDI state as the device reports it through the stack's {@link TdiProbe}, cross-checked
     * against what the device last confirmed through the TSM (see {@link OracleCheck}); empty if
     * the provider declares no probe.
     */
    @Override
    public Optional<TdiState> deviceState(PciFunction function) {
        if (!declares(Capability.TDI_PROBE)) {
            return Optional.empty();
        }
        TdiState state = hook(Capability.TDI_PROBE, HostStack::tdiProbe).state(function.address());
        oracle.check(function, state, "the TDI of " + function.address());
        return Optional.of(state);
    }

    @Override
    public String toObserveState() {
        return toImplement(Capability.TDI_PROBE);
    }

    /** What the device confirmed through another path (a guest request the TSM relayed). */
    void confirmed(PciFunction function, Optional<ByteString> tdispAnswer, String via) {
        oracle.answered(function, tdispAnswer, via);
    }

    /**
     * The function's VFIO device: the one an assignment bound, or else a cdev opened now and bound
     * to an iommufd of the test's own, with no VM.
     */
    public VfioDevice vfio(PciFunction function) {
        VfioDevice device = vfio.get(function);
        if (device == null) {
            if (iommufd == null) {
                iommufd = stack().openIommufd();
            }
            device = bind(openCdev(function), iommufd, function);
        }
        return device;
    }

    /** A new cdev file of {@code function} ({@code open()} of its VFIO device node). */
    public VfioCdev openCdev(PciFunction function) {
        return Setup.require(stack().vfio().open(function.address()), "open the VFIO cdev of " + function.address());
    }

    /** Binds {@code cdev} to {@code iommufd}; the device is then {@code function}'s VFIO device in this test. */
    public VfioDevice bind(VfioCdev cdev, Iommufd iommufd, PciFunction function) {
        VfioDevice device = Setup.require(cdev.bindIommufd(iommufd), "VFIO_DEVICE_BIND_IOMMUFD of "
                + function.address());
        vfio.put(function, device);
        return device;
    }

    /** The full uAPI chain for {@code function}, bound to a new confidential VM. */
    public Assignment assign(PciFunction function) {
        return Assignment.of(this, function, Optional.of(VmType.CONFIDENTIAL));
    }

    /** The full uAPI chain for {@code function} with a VM of {@code type}, or without a VM if empty. */
    public Assignment assign(PciFunction function, Optional<VmType> type) {
        return Assignment.of(this, function, type);
    }

    /**
     * Closes the stack, or with {@value KitConfig#REUSE_STACKS} on gives it back for the next test
     * once a reset shows it as a fresh one would be; unless a call on it is still running (a test
     * that timed out left it hung): then the stack is abandoned with the test, and closing it would
     * only hang the run too.
     */
    @Override
    public void close() {
        if (spec.device().isPresent()) {
            resetFixedDevice();
            return;
        }
        if (stack == null || closed || !calls.running().isEmpty()) {
            return;
        }
        closed = true;
        within("HostStack.close()", () -> {
            if (StackPool.enabled() && !fresh.isEmpty() && StackPool.reset(raw, calls.opened(), fresh).isEmpty()) {
                StackPool.put(spec, new StackPool.Idle(raw, fresh));
            } else {
                stack.close();
            }
        });
    }

    /**
     * Runs {@code closing} for at most the test timeout: JUnit closes a test's stack after the timed
     * test body, on the worker that runs the next test, so a close that hangs would stall the run.
     * One that does not return is abandoned with its stack, and fails the test naming the call.
     */
    private void within(String call, Runnable closing) {
        if (!BoundedCall.run("tsm-tck-close " + spec, closeTimeout, closing)) {
            throw new AssertionFailedError("Rule " + ruleUnderTest + ": " + call + " of the stack " + spec
                    + " did not return within " + closeTimeout.toSeconds() + " s (" + KitConfig.TIMEOUT_TEST
                    + ", which bounds closing too); the stack is abandoned and the run goes on. Check what close()"
                    + " waits for: it runs after the test, on the kit's thread, and must not block on the test's"
                    + " threads or a device.");
        }
    }

    /** Closes the stack for good, never giving it to another test (a test of what close releases). */
    public void discard() {
        if (spec.device().isPresent()) {
            resetFixedDevice();
            return;
        }
        if (stack != null && !closed && calls.running().isEmpty()) {
            closed = true;
            within("HostStack.close()", stack::close);
        }
    }

    /**
     * A fixed device is never closed: the reset contract brings it back for the next test, or takes
     * it out of the run with the reason (see {@link DeviceReset}).
     */
    private void resetFixedDevice() {
        if (stack == null || closed) {
            return;
        }
        closed = true;
        FixedDevice device = spec.device().orElseThrow();
        String after = "after a test of " + ruleUnderTest;
        if (!calls.running().isEmpty()) {
            inventoryRun.takeOut(device, after + ": a call was still running (" + String.join(", ", calls.running())
                    + "), so the device could not be reset");
            return;
        }
        DeviceReset.reset(device, calls.opened()).ifPresent(problem -> inventoryRun.takeOut(device,
                after + ": " + problem));
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
