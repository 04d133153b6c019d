package io.tsmtck.api.topology;

import java.util.List;

/**
 * The shape of the platform the kit asks a provider to build.
 *
 * @param dsms number of TDISP-capable devices, each with its own DSM and host bridge
 * @param functionsPerDsm physical functions per device, PF0 included
 * @param vfsPerDsm SR-IOV virtual functions of PF0
 * @param barSizes the sizes of BAR0, BAR1, ... of every function (each a power of two >= 4 KiB)
 */
public record TopologyRequest(int dsms, int functionsPerDsm, int vfsPerDsm, List<Long> barSizes) {

    public TopologyRequest {
        barSizes = List.copyOf(barSizes);
        if (dsms < 1 || functionsPerDsm < 1 || functionsPerDsm > 8 || vfsPerDsm < 0) {
            throw new IllegalArgumentException("at least one DSM with 1..8 functions and >= 0 VFs");
        }
        if (barSizes.isEmpty() || barSizes.size() > 6) {
            throw new IllegalArgumentException("1..6 BARs per function: " + barSizes.size());
        }
        for (int i = 0; i < barSizes.size(); i++) {
            new Bar(i, barSizes.get(i));
        }
    }

    /** One DSM, one function, no VFs, two BARs (64 KiB, 16 KiB): the smallest useful platform. */
    public static TopologyRequest minimal() {
        return new TopologyRequest(1, 1, 0, List.of(64L * 1024, 16L * 1024));
    }

    /** Total functions this request asks for. */
    public int totalFunctions() {
        return dsms * (functionsPerDsm + vfsPerDsm);
    }
}
