package acme.wrap;

import io.tsmtck.api.Capabilities;
import io.tsmtck.api.FixedDevice;
import io.tsmtck.api.HostStack;
import io.tsmtck.api.StackRequest;
import io.tsmtck.api.TsmStackProvider;
import io.tsmtck.api.VendorProfile;
import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.topology.Dsm;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.emu.ReferenceStackProvider;
import java.util.List;
import java.util.Set;

/**
 * A lab machine as inventory mode sees it: two fixed devices, each one reference stack built once
 * and kept for the provider's life, never a stack per test. Their reset does what a lab's would
 * after the kit closed the test's handles: disconnect every DSM. {@link #create} is never called.
 * A subclass can make one device's reset fail.
 */
public class FixedLab implements TsmStackProvider {

    private final List<FixedDevice> devices;

    public FixedLab() {
        ReferenceStackProvider reference = new ReferenceStackProvider();
        this.devices = List.of(
                device("lab slot 1: GENERIC_LINK, 2 PFs + 2 VFs", reference, VendorProfile.GENERIC_LINK,
                        new TopologyRequest(1, 2, 2, List.of(64L * 1024, 16L * 1024))),
                device("lab slot 2: AMD_SEV_TIO, 1 PF", reference, VendorProfile.AMD_SEV_TIO,
                        new TopologyRequest(1, 1, 0, List.of(64L * 1024, 16L * 1024))));
    }

    private FixedDevice device(String name, ReferenceStackProvider reference, VendorProfile profile,
                               TopologyRequest topology) {
        HostStack stack = reference.create(new StackRequest(profile, topology, 42));
        return new FixedDevice() {
            private int resets;

            @Override
            public String name() {
                return name;
            }

            @Override
            public VendorProfile profile() {
                return profile;
            }

            @Override
            public HostStack stack() {
                return stack;
            }

            @Override
            public Result<Done> reset() {
                resets++;
                if (failsReset(name, resets)) {
                    return Result.refused(Errno.EIO, "the slot's power controller did not answer (reset " + resets + ")");
                }
                for (Dsm dsm : stack.topology().dsms()) {
                    stack.tsm().connectedTsm(dsm.address()).ifPresent(tsm -> stack.tsm().disconnect(dsm.address(), tsm));
                }
                return Result.done();
            }
        };
    }

    /** Whether the reset number {@code reset} of the device {@code name} fails; never, here. */
    protected boolean failsReset(String name, int reset) {
        return false;
    }

    @Override
    public String name() {
        return "a fixed lab of two reference devices";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(Set.of(VendorProfile.GENERIC_LINK, VendorProfile.AMD_SEV_TIO), 1, 2, 2,
                new ReferenceStackProvider().capabilities().features())
                .withUapi(new ReferenceStackProvider().capabilities().uapi());
    }

    @Override
    public HostStack create(StackRequest request) {
        throw new UnsupportedOperationException("a fixed lab builds no stacks: the kit uses its inventory");
    }

    @Override
    public List<FixedDevice> inventory() {
        return devices;
    }
}
