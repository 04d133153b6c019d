package io.tsmtck.api;

import java.util.List;

/**
 * The entry point of an implementation under test, found with {@link java.util.ServiceLoader}: a
 * jar lists its class in {@code META-INF/services/io.tsmtck.api.TsmStackProvider}. The kit
 * requires exactly one provider on the classpath.
 *
 * <p>A provider needs a public no-argument constructor and must be cheap to construct; real work
 * happens in {@link #create}. It is used from several threads at once.
 *
 * <p><b>Two modes.</b> A provider that can build machines (an emulator, a VM image per test)
 * answers {@link #create} and returns no {@link #inventory()}. A provider of a fixed host (a lab
 * machine with the devices it has) returns its devices from {@link #inventory()}; the kit then never
 * calls {@code create}: it runs each test on one of those devices, one test at a time, and calls
 * the device's {@link FixedDevice#reset()} between tests.
 */
public interface TsmStackProvider {

    /** A name for reports ("reference emulator", "ACME TDX Connect host stack 1.2"). */
    String name();

    /** What this provider can build. Constant for the provider's life. */
    Capabilities capabilities();

    /**
     * Builds a fresh, isolated stack for one test. The kit only asks for what
     * {@link #capabilities()} supports.
     *
     * @throws IllegalArgumentException if the request is outside the declared capabilities
     */
    HostStack create(StackRequest request);

    /**
     * The fixed devices of a host that cannot build stacks (inventory mode), the same objects at
     * every call; empty (the default) for a provider that builds them with {@link #create}.
     * {@link #capabilities()} still names the profiles; the topology each test gets is what its
     * device has.
     */
    default List<FixedDevice> inventory() {
        return List.of();
    }
}
