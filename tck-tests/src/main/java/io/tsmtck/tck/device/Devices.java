package io.tsmtck.tck.device;

import io.tsmtck.api.device.DeviceControl;
import io.tsmtck.api.device.DeviceProvider;
import io.tsmtck.api.device.PciConfigAccess;
import io.tsmtck.api.spdm.cert.Certificates;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.spdm.VerifiedChains;
import io.tsmtck.tck.transport.DoeConfigMailbox;
import io.tsmtck.tck.transport.SocketMailbox;
import io.tsmtck.tck.transport.SysfsConfigSpace;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The device kit's subject, as configured: {@value KitConfig#DEVICE} names a device over a socket
 * or a DOE mailbox, or else the one {@link DeviceProvider} on the classpath builds them; and the
 * trust anchor its chain must end at ({@value KitConfig#TRUST_ANCHOR}). Looked up on first use and
 * kept for the run.
 */
public final class Devices {

    private static DeviceSource source;
    /** The chains validated in this run, so that each test's connection reads a device's chain once. */
    private static final VerifiedChains VERIFIED = new VerifiedChains();
    private static X509Certificate anchor;

    private Devices() {
    }

    /** The configured source. @throws IllegalStateException saying how to configure one */
    public static synchronized DeviceSource source() {
        if (source == null) {
            source = KitConfig.value(KitConfig.DEVICE).map(Devices::parse)
                    .orElseGet(() -> new ProviderSource(provider(Devices.class.getClassLoader()), KitConfig.seed()));
        }
        return source;
    }

    /** The chains the kit validated in this run (content-addressed: by anchor, hash and digest). */
    public static VerifiedChains verifiedChains() {
        return VERIFIED;
    }

    /** The trust anchor. @throws IllegalStateException saying how to set it */
    public static synchronized X509Certificate trustAnchor() {
        if (anchor == null) {
            String file = KitConfig.value(KitConfig.TRUST_ANCHOR).orElseThrow(() -> new IllegalStateException(
                    "the device kit validates the device's certificate chain: set " + KitConfig.TRUST_ANCHOR
                            + "=<root certificate, DER or PEM> (for spdm-emu: its ecp384/ca.cert.der)"));
            anchor = Certificates.readTrustAnchor(Path.of(file));
        }
        return anchor;
    }

    /**
     * Uses {@code chosen} instead of the configured source from now on (a run from code, a test of
     * the kit's transports); {@link #reset()} goes back to the configuration.
     */
    public static synchronized void use(DeviceSource chosen) {
        source = chosen;
    }

    /** Forgets the source and the trust anchor: the next use reads the configuration again. */
    public static synchronized void reset() {
        closeAll();
        source = null;
        anchor = null;
    }

    /** Ends the run: closes a shared device's mailbox. */
    public static synchronized void closeAll() {
        if (source != null) {
            source.closeAll();
        }
    }

    /**
     * The source {@code target} names: {@code tcp://host:port} or {@code doe:<BDF>}.
     *
     * @throws IllegalStateException with the accepted forms
     */
    public static DeviceSource parse(String target) {
        if (target.startsWith("tcp://")) {
            URI uri = URI.create(target);
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalStateException(KitConfig.DEVICE + "=" + target + " names no host and port; write "
                        + "tcp://127.0.0.1:2323");
            }
            return new SharedDevice(target, () -> SocketMailbox.connect(uri.getHost(), uri.getPort(),
                    KitConfig.timeoutDevice()), functions(Optional.empty()), Optional.empty());
        }
        if (target.startsWith("doe:")) {
            PciAddress pf0 = address(target.substring(4));
            List<PciFunction> functions = functions(Optional.of(pf0));
            return new SharedDevice(target, () -> DoeConfigMailbox.open(SysfsConfigSpace.open(pf0.toString()),
                    KitConfig.timeoutDoe(), pf0.toString()), functions, Optional.of(sysfsRig(functions)));
        }
        throw new IllegalStateException(KitConfig.DEVICE + "=" + target + " is not a device the kit can reach: write "
                + "tcp://<host>:<port> (SPDM socket protocol, spdm-emu or QEMU) or doe:<BDF> (DOE mailbox through "
                + "/sys/bus/pci/devices/<BDF>/config), or leave it unset to test the DeviceProvider on the classpath");
    }

    /**
     * The rig of a device in this machine's slot: each function's sysfs {@code config} file, opened
     * when the rig is first used (root; writes above 0x3F need CAP_SYS_ADMIN).
     */
    private static DeviceControl sysfsRig(List<PciFunction> functions) {
        return new LazyRig(() -> {
            Map<PciAddress, PciConfigAccess> spaces = new LinkedHashMap<>();
            for (PciFunction function : functions) {
                spaces.put(function.address(), SysfsConfigSpace.open(function.address().toString()));
            }
            return new ConfigSpaceRig(spaces, KitConfig.timeoutDevice());
        }, ConfigSpaceRig.ACTIONS);
    }

    /**
     * The functions {@value KitConfig#FUNCTIONS} lists, with the BAR sizes it gives ({@link FunctionList}),
     * else {@code pf0} (0000:00:00.0 over a socket).
     */
    private static List<PciFunction> functions(Optional<PciAddress> pf0) {
        List<String> listed = KitConfig.value(KitConfig.FUNCTIONS).map(v -> List.of(v.split(","))).orElse(List.of())
                .stream().map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
        if (listed.isEmpty()) {
            listed = List.of(pf0.orElse(new PciAddress(0, 0, 0, 0)).toString());
        }
        return FunctionList.parse(listed, KitConfig.FUNCTIONS);
    }

    private static PciAddress address(String text) {
        return FunctionList.address(text, KitConfig.DEVICE + " or " + KitConfig.FUNCTIONS);
    }

    /**
     * The one provider on the classpath, or the one {@value KitConfig#DEVICE_PROVIDER} names.
     *
     * @throws IllegalStateException with what to do, if there is none, several, or not the named one
     */
    static DeviceProvider provider(ClassLoader loader) {
        List<ServiceLoader.Provider<DeviceProvider>> found = ServiceLoader.load(DeviceProvider.class, loader).stream()
                .collect(Collectors.toList());
        String names = found.stream().map(p -> p.type().getName()).collect(Collectors.joining(", "));
        Optional<String> chosen = KitConfig.value(KitConfig.DEVICE_PROVIDER);
        if (chosen.isPresent()) {
            return found.stream().filter(p -> p.type().getName().equals(chosen.get())).findFirst()
                    .map(ServiceLoader.Provider::get).orElseThrow(() -> new IllegalStateException(
                            KitConfig.DEVICE_PROVIDER + " names " + chosen.get() + ", which is not a DeviceProvider"
                                    + " listed in META-INF/services on the classpath (found: "
                                    + (names.isEmpty() ? "none" : names) + ")"));
        }
        if (found.size() != 1) {
            throw new IllegalStateException((found.isEmpty() ? "No io.tsmtck.api.device.DeviceProvider on the classpath"
                    : "More than one DeviceProvider on the classpath: " + names + "; choose one with "
                    + KitConfig.DEVICE_PROVIDER + "=<class>") + ". Or name the device with " + KitConfig.DEVICE
                    + "=tcp://<host>:<port> or doe:<BDF>.");
        }
        return found.get(0).get();
    }
}
