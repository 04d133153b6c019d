package io.tsmtck.emu;

import io.tsmtck.api.topology.Bar;
import io.tsmtck.api.topology.Dsm;
import io.tsmtck.api.topology.FunctionRole;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.Topology;
import io.tsmtck.api.topology.TopologyRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out the emulated platform for a {@link TopologyRequest}: DSM {@code i} sits alone on bus
 * {@code 0x3a + i} of PCI segment 1, below host bridge {@code hb<i>}; its PFs are functions 0..n-1 of
 * device 2, its VFs follow on devices 3, 4, ... (so PF0 is 0001:3a:02.0). No part of an address is 0,
 * so that the segment, bus, device and function a device reports (INTERFACE_ID, QUERY_RESP) are each
 * visible. BARs are packed, each aligned to its size, from {@code 0x8000_0000 + i * 0x1000_0000}.
 */
final class PlatformBuilder {

    /** The one TSM device the emulated platform registers. */
    static final String TSM_NAME = "tsm0";

    private static final long MMIO_BASE = 0x8000_0000L;
    private static final long MMIO_PER_DSM = 0x1000_0000L;
    private static final int SEGMENT = 1;
    private static final int FIRST_BUS = 0x3a;
    private static final int PF_DEVICE = 2;

    private final Map<PciAddress, long[]> barBases = new HashMap<>();
    private final Topology topology;

    PlatformBuilder(TopologyRequest request) {
        List<Dsm> dsms = new ArrayList<>();
        for (int i = 0; i < request.dsms(); i++) {
            dsms.add(dsm(i, request));
        }
        this.topology = new Topology(List.of(TSM_NAME), dsms);
    }

    Topology topology() {
        return topology;
    }

    Map<PciAddress, long[]> barBases() {
        return barBases;
    }

    private Dsm dsm(int index, TopologyRequest request) {
        int bus = FIRST_BUS + index;
        PciAddress pf0 = new PciAddress(SEGMENT, bus, PF_DEVICE, 0);
        List<Bar> bars = new ArrayList<>();
        for (int b = 0; b < request.barSizes().size(); b++) {
            bars.add(new Bar(b, request.barSizes().get(b)));
        }
        List<PciFunction> functions = new ArrayList<>();
        for (int f = 0; f < request.functionsPerDsm(); f++) {
            functions.add(new PciFunction(new PciAddress(SEGMENT, bus, PF_DEVICE, f), f == 0 ? FunctionRole.DSM : FunctionRole.PF,
                    pf0, bars));
        }
        for (int v = 0; v < request.vfsPerDsm(); v++) {
            functions.add(new PciFunction(new PciAddress(SEGMENT, bus, PF_DEVICE + 1 + v / 8, v % 8), FunctionRole.VF, pf0, bars));
        }
        long cursor = MMIO_BASE + index * MMIO_PER_DSM;
        for (PciFunction function : functions) {
            long[] bases = new long[bars.size()];
            for (Bar bar : bars) {
                cursor = (cursor + bar.size() - 1) & -bar.size();
                bases[bar.index()] = cursor;
                cursor += bar.size();
            }
            barBases.put(function.address(), bases);
        }
        return new Dsm("hb" + index, functions);
    }
}
