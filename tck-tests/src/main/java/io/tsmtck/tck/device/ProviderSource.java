package io.tsmtck.tck.device;

import io.tsmtck.api.device.DeviceProvider;
import io.tsmtck.api.device.DeviceUnderTest;
import io.tsmtck.api.topology.TopologyRequest;
import java.io.IOException;
import java.util.Optional;

/** Fresh devices from a {@link DeviceProvider}, one per test. */
final class ProviderSource implements DeviceSource {

    private final DeviceProvider provider;
    private final long seed;

    ProviderSource(DeviceProvider provider, long seed) {
        this.provider = provider;
        this.seed = seed;
    }

    @Override
    public String describe() {
        return provider.name() + " (" + provider.getClass().getName() + ", in-process)";
    }

    @Override
    public TopologyRequest largest() {
        return provider.largest();
    }

    @Override
    public boolean fresh() {
        return true;
    }

    @Override
    public DeviceUnderTest open(TopologyRequest wanted) throws IOException {
        return provider.open(wanted, seed);
    }

    @Override
    public Optional<Class<?>> implementation() {
        return Optional.of(provider.getClass());
    }

    @Override
    public void closeAll() {
    }
}
