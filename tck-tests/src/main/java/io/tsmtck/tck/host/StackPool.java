package io.tsmtck.tck.host;

import io.tsmtck.api.HostStack;
import io.tsmtck.api.iommufd.Iommufd;
import io.tsmtck.api.topology.Dsm;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.vfio.ConfigRegister;
import io.tsmtck.api.vfio.VfioCdev;
import io.tsmtck.api.vfio.VfioDevice;
import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.setup.BoundedCall;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stacks kept for the next test of the same profile and topology, when
 * {@value KitConfig#REUSE_STACKS} is on (a provider whose set-up takes seconds cannot afford one
 * per test). A stack goes back only after a verified reset: every handle the test was given is
 * closed, every TDI stopped, every DSM disconnected, and the stack shows what it showed when new (no
 * DSM connected, no function bound, every host bridge's secure streams and every function's
 * configuration registers as they were); anything else, and the stack is closed for good. Tests that
 * need a stack of their own ask for one ({@link HostSut#discard}).
 */
public final class StackPool {

    /** A stack at rest: the implementation's object and what it showed when it was new. */
    record Idle(HostStack stack, Map<String, Integer> fresh) {
    }

    private static final Map<StackSpec, Deque<Idle>> IDLE = new ConcurrentHashMap<>();

    private StackPool() {
    }

    /** Whether stacks are reused in this run. */
    public static boolean enabled() {
        return KitConfig.value(KitConfig.REUSE_STACKS).map(Boolean::parseBoolean).orElse(false);
    }

    static Optional<Idle> take(StackSpec spec) {
        synchronized (IDLE) {
            Deque<Idle> idle = IDLE.get(spec);
            return Optional.ofNullable(idle == null ? null : idle.pollFirst());
        }
    }

    static void put(StackSpec spec, Idle stack) {
        synchronized (IDLE) {
            IDLE.computeIfAbsent(spec, s -> new ArrayDeque<>()).addFirst(stack);
        }
    }

    /**
     * What a stack shows a test that a fresh one must show too: the secure streams of each host
     * bridge, and every configuration register of every function (read through a VFIO device opened
     * and closed for it); empty if a function cannot be opened.
     */
    static Optional<Map<String, Integer>> observed(HostStack stack) {
        Map<String, Integer> seen = new TreeMap<>();
        stack.topology().dsms().stream().map(Dsm::hostBridge).distinct()
                .forEach(bridge -> seen.put(bridge + " secure streams", stack.tsm().availableSecureStreams(bridge)));
        try (Iommufd iommufd = stack.openIommufd()) {
            for (Dsm dsm : stack.topology().dsms()) {
                for (PciFunction function : dsm.functions()) {
                    Optional<VfioCdev> cdev = stack.vfio().open(function.address()).asOptional();
                    if (cdev.isEmpty()) {
                        return Optional.empty();
                    }
                    try (VfioCdev file = cdev.get()) {
                        Optional<VfioDevice> device = file.bindIommufd(iommufd).asOptional();
                        if (device.isEmpty()) {
                            return Optional.empty();
                        }
                        for (ConfigRegister register : ConfigRegister.values()) {
                            seen.put(function.address() + " " + register, device.get().config().read(register));
                        }
                    }
                }
            }
        }
        return Optional.of(seen);
    }

    /**
     * Resets {@code stack} as a test left it and says why it cannot be reused, or nothing if it can:
     * its handles closed newest first, its DSMs disconnected, then compared with a fresh stack.
     */
    static Optional<String> reset(HostStack stack, List<AutoCloseable> handles, Map<String, Integer> fresh) {
        try {
            for (AutoCloseable handle : handles) {
                handle.close();
            }
            for (Dsm dsm : stack.topology().dsms()) {
                stack.tsm().connectedTsm(dsm.address()).ifPresent(tsm -> stack.tsm().disconnect(dsm.address(), tsm));
            }
        } catch (Exception | AssertionError e) {
            return Optional.of("the reset threw " + e);
        }
        if (!stack.tsm().tsmDevices().containsAll(stack.topology().tsmDevices())) {
            return Optional.of("a TSM is not registered: " + stack.tsm().tsmDevices());
        }
        for (Dsm dsm : stack.topology().dsms()) {
            if (stack.tsm().connectedTsm(dsm.address()).isPresent()) {
                return Optional.of(dsm.address() + " is still connected");
            }
            for (PciFunction function : dsm.functions()) {
                if (stack.tsm().boundTsm(function.address()).isPresent()) {
                    return Optional.of(function.address() + " is still bound");
                }
            }
        }
        Optional<Map<String, Integer>> seen = observed(stack);
        if (seen.isEmpty()) {
            return Optional.of("a function's VFIO device cannot be opened");
        }
        return seen.get().equals(fresh) ? Optional.empty()
                : Optional.of("it shows " + seen.get() + " where a fresh stack shows " + fresh);
    }

    /**
     * Closes every idle stack (the end of a run), each within the default test timeout: one whose
     * close hangs is left behind, since every result of the run is known by then.
     */
    public static void closeAll() {
        synchronized (IDLE) {
            IDLE.values().forEach(idle -> idle.forEach(i -> BoundedCall.run("tsm-tck-close idle " + i.stack(),
                    KitConfig.DEFAULT_TEST_TIMEOUT, i.stack()::close)));
            IDLE.clear();
        }
    }
}
