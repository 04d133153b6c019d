package io.tsmtck.api.topology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a stack instance was built with: its TSM devices and its TDISP-capable devices. Fixed for
 * the life of the stack.
 *
 * @param tsmDevices the registered TSM device names ({@code tsm0}, ...; {@code /sys/class/tsm})
 * @param dsms the devices, each with its functions
 */
public record Topology(List<String> tsmDevices, List<Dsm> dsms) {

    public Topology {
        tsmDevices = List.copyOf(tsmDevices);
        dsms = List.copyOf(dsms);
    }

    /** Every function of every DSM. */
    public Stream<PciFunction> functions() {
        return dsms.stream().flatMap(dsm -> dsm.functions().stream());
    }

    /** The function at {@code address}. */
    public Optional<PciFunction> function(PciAddress address) {
        Objects.requireNonNull(address, "address");
        return functions().filter(f -> f.address().equals(address)).findFirst();
    }

    /** The DSM that manages {@code address}. */
    public Optional<Dsm> dsmOf(PciAddress address) {
        return dsms.stream().filter(d -> d.functions().stream().anyMatch(f -> f.address().equals(address)))
                .findFirst();
    }
}
