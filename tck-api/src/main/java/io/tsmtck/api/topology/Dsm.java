package io.tsmtck.api.topology;

import java.util.List;
import java.util.Objects;

/**
 * A device security manager and the functions it manages.
 *
 * @param hostBridge the host bridge the device sits below (its secure IDE streams are counted
 *     there)
 * @param functions the DSM (PF0) first, then the other PFs, then the VFs
 */
public record Dsm(String hostBridge, List<PciFunction> functions) {

    public Dsm {
        Objects.requireNonNull(hostBridge, "hostBridge");
        functions = List.copyOf(functions);
        if (functions.isEmpty() || functions.get(0).role() != FunctionRole.DSM) {
            throw new IllegalArgumentException("the first function of a DSM is PF0 with role DSM");
        }
    }

    /** PF0, the DSM function itself. */
    public PciFunction pf0() {
        return functions.get(0);
    }

    /** The DSM's address (PF0's). */
    public PciAddress address() {
        return pf0().address();
    }
}
