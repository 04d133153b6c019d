package io.tsmtck.api.pci;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.topology.PciAddress;
import java.util.List;

/**
 * A function's reset methods: an optional test hook ({@link io.tsmtck.api.Capability#RESET_METHOD}),
 * since it changes how the host resets a device. On Linux, the function's {@code reset_method} file
 * ({@code reset_method_show()} and {@code reset_method_store()} in drivers/pci/pci.c).
 *
 * <p><b>Threading.</b> Safe for use from any thread.
 */
public interface PciResetMethod {

    /** The methods in use, in the order they are tried ({@code flr}, {@code pm}, {@code bus}, ...). */
    Result<List<String>> methods(PciAddress function);

    /**
     * Writes {@code methods} (comma separated) to {@code reset_method}; an empty list writes the empty
     * string, which disables every method. A method the function does not support is {@code EINVAL}.
     */
    Result<Done> set(PciAddress function, List<String> methods);

    /** Writes {@code default}: the methods the kernel found at enumeration, in its order. */
    Result<Done> restoreDefault(PciAddress function);
}
