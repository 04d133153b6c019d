package acme;

import acme.wrap.ReferenceWrapper;
import io.tsmtck.api.Capabilities;
import java.time.Duration;

/** The correct reference declaring an hour per SPI call, which would scale the run timeout past any use. */
public final class HourLatencyProvider extends ReferenceWrapper {

    @Override
    public String name() {
        return "reference declaring 1 h per call";
    }

    @Override
    public Capabilities capabilities() {
        return super.capabilities().withLatency(new Capabilities.Latency(Duration.ofHours(1), Duration.ZERO));
    }
}
