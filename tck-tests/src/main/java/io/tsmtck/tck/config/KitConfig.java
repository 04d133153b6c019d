package io.tsmtck.tck.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kit's settings, each with one documented name, read as a system property or else as the
 * environment variable of the same name in upper case with dots and dashes as underscores
 * ({@code tsm-tck.timeout.happen} or {@code TSM_TCK_TIMEOUT_HAPPEN}).
 */
public final class KitConfig {

    /** Seed of every random choice of the kit and of the stacks it asks for. */
    public static final String SEED = "tsm-tck.seed";
    /** How long to wait for something that must happen, in milliseconds. */
    public static final String TIMEOUT_HAPPEN = "tsm-tck.timeout.happen";
    /** How long to watch that something does not happen, in milliseconds. */
    public static final String TIMEOUT_ABSENT = "tsm-tck.timeout.absent";

    /** Whether a stack is reused by the next test of its profile and topology after a verified reset. */
    public static final String REUSE_STACKS = "tsm-tck.reuseStacks";
    /**
     * How many tests run at once; unset, as many as the machine has cores (8 for a provider that
     * declares a call latency), one for a fixed inventory and for the device kit against one real
     * device.
     */
    public static final String PARALLELISM = "tsm-tck.parallelism";
    /**
     * How many VFs the tests that cover every function ask for (2 unless set; the subject's own
     * limit cuts it), to measure how the kit scales with a device's VFs.
     */
    public static final String VFS = "tsm-tck.vfs";
    /** How long one test may take before it is abandoned and fails, in seconds (the plugin's setting). */
    public static final String TIMEOUT_TEST = "tsm-tck.timeout.test";

    /**
     * The device the device kit tests: {@code tcp://<host>:<port>} (the SPDM socket protocol of
     * spdm-emu and QEMU) or {@code doe:<BDF>} (the DOE mailbox in the function's configuration space
     * through sysfs); unset, the one {@link io.tsmtck.api.device.DeviceProvider} on the classpath.
     */
    public static final String DEVICE = "tsm-tck.device";
    /**
     * A plaintext run of the device kit ({@code true}): TDISP and IDE_KM outside any secured session,
     * for a responder that has no sessions yet. Never a certification.
     */
    public static final String PLAINTEXT = "tsm-tck.plaintext";
    /** The DeviceProvider class to test when the classpath has several. */
    public static final String DEVICE_PROVIDER = "tsm-tck.deviceProvider";
    /** The root certificate (DER or PEM) the device's certificate chain must end at. */
    public static final String TRUST_ANCHOR = "tsm-tck.trustAnchor";
    /**
     * The functions of a device reached over {@value #DEVICE}, comma separated, PF0 first
     * ({@code 0000:3b:00.0,0000:3b:00.1}); their INTERFACE_IDs follow from the addresses.
     */
    public static final String FUNCTIONS = "tsm-tck.functions";
    /** How long the device kit waits for one answer of a device over a socket or DOE mailbox, in ms. */
    public static final String TIMEOUT_DEVICE = "tsm-tck.timeout.device";

    /**
     * How long the device kit may leave a session without a message to see the device end it, in ms
     * (15000 unless set): a device whose HeartbeatPeriod needs a longer wait (twice the period and a
     * margin) is not checked for it (SPDM-22 NOT_TESTED, naming the wait it needs).
     */
    public static final String TIMEOUT_HEARTBEAT = "tsm-tck.timeout.heartbeat";

    private static final long DEFAULT_SEED = 0x20250120L;

    /** The per-test timeout when neither the user nor a declared latency sets one. */
    public static final Duration DEFAULT_TEST_TIMEOUT = Duration.ofSeconds(60);

    private KitConfig() {
    }

    /** The configured seed, or the kit's default. */
    public static long seed() {
        return value(SEED).map(Long::decode).orElse(DEFAULT_SEED);
    }

    /** How long to wait for something that must happen. */
    public static Duration timeoutHappen() {
        return millis(TIMEOUT_HAPPEN, 5_000);
    }

    /** How long to watch that something does not happen. */
    public static Duration timeoutAbsent() {
        return millis(TIMEOUT_ABSENT, 200);
    }

    /**
     * The configured number of tests at once, if any.
     *
     * @throws IllegalArgumentException for a value that is not a positive number, saying so
     */
    public static Optional<Integer> parallelism() {
        return value(PARALLELISM).map(v -> {
            try {
                int n = Integer.parseInt(v.trim());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(PARALLELISM + " is '" + v + "'; give a number of tests to run at once,"
                    + " 1 or more (1 runs them one at a time)");
        });
    }

    /**
     * The VFs per DSM the every-function tests ask for.
     *
     * @throws IllegalArgumentException for a value that is not 0 or more, saying so
     */
    public static int vfs() {
        String text = value(VFS).orElse("2").trim();
        try {
            int vfs = Integer.parseInt(text);
            if (vfs >= 0) {
                return vfs;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(VFS + " is '" + text + "'; give how many VFs the every-function tests"
                + " ask for, 0 or more");
    }

    /** Whether this is a plaintext run of the device kit. */
    public static boolean plaintext() {
        return value(PLAINTEXT).map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
    }

    /** How long to wait for one answer of a device over a socket. */
    public static Duration timeoutDevice() {
        return millis(TIMEOUT_DEVICE, 10_000);
    }

    /**
     * How long to wait for one answer over a DOE mailbox: {@value #TIMEOUT_DEVICE} if set, else the DOE
     * timeout, 1 s (PCIe 6.x §6.30.2, as Linux's drivers/pci/doe.c waits it, PCI_DOE_TIMEOUT), after which
     * a requester may abort. A request the device must drop costs this wait, there being no "no answer" on
     * DOE.
     */
    public static Duration timeoutDoe() {
        return millis(TIMEOUT_DEVICE, 1_000);
    }

    /** How long the device kit may leave a session without a message to see the device end it. */
    public static Duration timeoutHeartbeat() {
        return millis(TIMEOUT_HEARTBEAT, 15_000);
    }

    private static Duration millis(String name, long fallback) {
        long millis = value(name).map(v -> {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " is a number of milliseconds, not '" + v + "'", e);
            }
        }).orElse(fallback);
        return Duration.ofMillis(millis);
    }

    /**
     * Settings renamed to the kit's one spelling (camelCase words after {@code tsm-tck.}, dots only to group, as
     * in {@code tsm-tck.timeout.happen}), by their new name: the old one still works, with a warning.
     */
    private static final Map<String, String> RENAMED = Map.of(REUSE_STACKS, "tsm-tck.reuse-stacks");
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    /**
     * The setting {@code name}, from the system property or the environment ({@code name} in upper case with
     * {@code .} and {@code -} as {@code _}); under a setting's old name too, saying once on stderr what to set
     * instead.
     */
    public static Optional<String> value(String name) {
        Optional<String> value = lookUp(name);
        String old = RENAMED.get(name);
        if (value.isPresent() || old == null) {
            return value;
        }
        Optional<String> underOldName = lookUp(old);
        if (underOldName.isPresent() && WARNED.add(old)) {
            System.err.println("[tsm-tck] " + old + " is deprecated and will go: set " + name + " (or "
                    + environmentName(name) + ") instead");
        }
        return underOldName;
    }

    private static Optional<String> lookUp(String name) {
        String property = System.getProperty(name);
        if (property != null && !property.isBlank()) {
            return Optional.of(property);
        }
        String env = System.getenv(environmentName(name));
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(env);
    }

    /** The environment variable of setting {@code name}: upper case, {@code .} and {@code -} as {@code _}. */
    public static String environmentName(String name) {
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
