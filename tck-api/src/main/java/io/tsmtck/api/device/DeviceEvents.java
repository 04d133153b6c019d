package io.tsmtck.api.device;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Result;

/**
 * Injection of {@link DeviceEvent}s: an optional capability (an emulator or a test rig offers it,
 * a production stack does not). Each kind of event is a separate
 * {@link io.tsmtck.api.Capability}; events the stack did not declare are refused with
 * {@code EOPNOTSUPP}.
 *
 * <p>Threading: safe for use from any thread. Injection is synchronous: when it returns, the
 * device has reacted.
 */
public interface DeviceEvents {

    /** Makes {@code event} happen. */
    Result<Done> inject(DeviceEvent event);
}
