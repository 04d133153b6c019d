package io.tsmtck.api.vfio;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Result;

/**
 * Config-space access through the VFIO config region. VFIO virtualises parts of it: a write that
 * clears Memory Space Enable zaps BAR mmaps and revokes dma-bufs under the memory lock; a write
 * that sets it restores them; Initiate FLR in Device Control resets the function (revoke before,
 * restore after if memory decode is enabled).
 *
 * <p>Threading: safe for use from any thread.
 */
public interface ConfigSpace {

    /** Reads the register. */
    int read(ConfigRegister register);

    /** Writes the register. Refused with {@code ENODEV} once the device is closed. */
    Result<Done> write(ConfigRegister register, int value);
}
