package io.tsmtck.api.topology;

import io.tsmtck.api.tdisp.InterfaceId;
import java.util.List;
import java.util.Objects;

/**
 * One function of a TDISP-capable device as the host enumerated it.
 *
 * @param address the function's address
 * @param role DSM, other PF, or VF
 * @param dsm the address of the DSM (PF0) that manages it; its own address for the DSM
 * @param bars its memory BARs, in ascending index order
 */
public record PciFunction(PciAddress address, FunctionRole role, PciAddress dsm, List<Bar> bars) {

    public PciFunction {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(dsm, "dsm");
        bars = List.copyOf(bars);
        if ((role == FunctionRole.DSM) != address.equals(dsm)) {
            throw new IllegalArgumentException("exactly the DSM function is its own DSM: " + address);
        }
    }

    /** The TDISP INTERFACE_ID of the TDI this function hosts. */
    public InterfaceId interfaceId() {
        return new InterfaceId(address.requesterId(), address.segment() & 0xFF, address.segment() != 0);
    }
}
