package io.tsmtck.tck.tests.tsm;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;
import static io.tsmtck.tck.assertions.KitAssertions.assertThatLink;

import io.tsmtck.api.Capability;
import io.tsmtck.api.HostStack;
import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.pci.PciHotplug;
import io.tsmtck.api.pci.PciSriov;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.tsm.TsmContextState;
import io.tsmtck.api.tsm.TsmCore;
import io.tsmtck.api.tsm.TsmLifecycle;
import io.tsmtck.tck.binding.Applicability;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.host.Cases;
import io.tsmtck.tck.host.HostSut;
import io.tsmtck.tck.host.Suts;
import io.tsmtck.tck.setup.Setup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What userspace sees of the TSM driver's lifetime and of the core's discovery attributes
 * (drivers/pci/tsm.c pci_tsm_unregister(), pci_tsm_register(), dsm_show()). Every test leaves the
 * TSM registered again, whatever happens.
 */
@Tag("area-tsm")
class TsmLifecycleTest {

    /** When the TSM goes away, relative to the DSM's connect. */
    enum Order { UNREGISTERED_BEFORE_CONNECT, UNREGISTERED_WHILE_CONNECTED }

    /** When the VFs come back, relative to the DSM's connect. */
    enum VfOrder { DISABLED_AND_ENABLED_WHILE_CONNECTED, DISABLED_BEFORE_CONNECT_ENABLED_AFTER }

    static Stream<HostSut> withSubfunctions() {
        return Suts.everyProfile(Suts.WITH_SUBFUNCTIONS);
    }

    static Stream<Arguments> bothOrders() {
        return Cases.profilesWith(List.of(Order.values()));
    }

    static Stream<Arguments> bothVfOrders() {
        return Cases.profilesWith(Suts.WITH_SUBFUNCTIONS, List.of(VfOrder.values()));
    }

    private static TsmLifecycle lifecycle(HostSut sut) {
        return sut.hook(Capability.TSM_LIFECYCLE, stack -> stack.tsm().lifecycle());
    }

    /** Runs {@code test} with the TSM unregistered for part of it, and registers it again after. */
    private static void withTsmBack(HostSut sut, Runnable test) {
        try {
            test.run();
        } finally {
            if (!sut.stack().tsm().tsmDevices().contains(sut.tsmName())) {
                lifecycle(sut).register(sut.tsmName());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withSubfunctions")
    @Must("TSM-21")
    void unregisteringTheTsmTearsDownEveryContextItHolds(HostSut sut) {
        TsmCore tsm = sut.stack().tsm();
        int streams = tsm.availableSecureStreams(sut.dsm().hostBridge());
        Setup.require(sut.assign(sut.pf0()).bound().guestStart(), "guest start");
        List<PciFunction> bound = new ArrayList<>(List.of(sut.pf0()));
        for (PciFunction function : sut.dsm().functions().subList(1, sut.dsm().functions().size())) {
            if (tsm.state(function.address()) == TsmContextState.CONNECTED) {
                sut.assign(function).bound();
                bound.add(function);
            }
        }

        withTsmBack(sut, () -> {
            Setup.require(lifecycle(sut).unregister(sut.tsmName()), "unregister " + sut.tsmName());
            Setup.require(lifecycle(sut).register(sut.tsmName()), "register " + sut.tsmName() + " again");

            assertThatLink("tsm/connect of " + sut.dsm().address() + " once the TSM is back",
                    tsm.connectedTsm(sut.dsm().address())).namesNoTsm();
            for (PciFunction function : bound) {
                assertThatLink("tsm/bound of " + function.address() + " once the TSM is back",
                        tsm.boundTsm(function.address())).namesNoTsm();
                assertThat(sut, function).as("%s after the TSM was unregistered", function.address())
                        .isInState(TdiState.CONFIG_UNLOCKED);
            }
            assertThat("secure streams of " + sut.dsm().hostBridge() + " after the TSM was unregistered",
                    tsm.availableSecureStreams(sut.dsm().hostBridge())).is(streams);
        });
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("bothOrders")
    @Must("TSM-22")
    void withoutALinkTsmTheAttributesAreHiddenUntilOneRegisters(HostSut sut, Order order) {
        TsmCore tsm = sut.stack().tsm();
        PciAddress dsm = sut.dsm().address();
        if (order == Order.UNREGISTERED_WHILE_CONNECTED) {
            sut.connect();
        }

        withTsmBack(sut, () -> {
            Setup.require(lifecycle(sut).unregister(sut.tsmName()), "unregister " + sut.tsmName());

            assertThat(tsm.connect(dsm, sut.tsmName())).as("connect of %s with no link TSM registered", dsm)
                    .isRefusedWith(Errno.ENOENT);
            assertThat(tsm.disconnect(dsm, sut.tsmName())).as("disconnect of %s with no link TSM registered", dsm)
                    .isRefusedWith(Errno.ENOENT);
            assertThat("TSMs registered", tsm.tsmDevices()).is(List.of());

            Setup.require(lifecycle(sut).register(sut.tsmName()), "register " + sut.tsmName() + " again");
            assertThat("TSMs registered once " + sut.tsmName() + " is back", tsm.tsmDevices())
                    .satisfies(listed -> listed.contains(sut.tsmName()), "a list naming " + sut.tsmName());
            assertThat(tsm.connect(dsm, sut.tsmName())).as("connect of %s once the TSM is back", dsm).succeeded();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("TSM-23")
    void tsmDsmOfPf0NamesItselfOnceConnected(HostSut sut) {
        TsmCore tsm = sut.stack().tsm();
        PciAddress dsm = sut.dsm().address();
        assertThat("tsm/dsm of " + dsm + " before connect", tsm.dsmOf(dsm)).is(Optional.empty());

        sut.connect();

        assertThat("tsm/dsm of " + dsm + " after connect", tsm.dsmOf(dsm)).is(Optional.of(dsm));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withSubfunctions")
    @Must("TSM-24")
    void tsmDsmOfEverySubFunctionWithAContextNamesTheDsm(HostSut sut) {
        Applicability.requireSubfunctions(sut);
        TsmCore tsm = sut.stack().tsm();
        PciAddress dsm = sut.dsm().address();

        sut.connect();

        List<String> seen = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (PciFunction function : sut.dsm().functions().subList(1, sut.dsm().functions().size())) {
            boolean hasContext = tsm.state(function.address()) != TsmContextState.NONE;
            seen.add(function.address() + ": " + tsm.dsmOf(function.address()).map(PciAddress::toString).orElse(""));
            expected.add(function.address() + ": " + (hasContext ? dsm.toString() : ""));
        }
        assertThat("tsm/dsm of every sub-function after connect (empty without a context)", seen).is(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("TSM-25")
    void hotRemovalOfAConnectedDsmTearsItsContextDown(HostSut sut) {
        PciHotplug hotplug = sut.hook(Capability.HOT_REMOVAL, HostStack::hotplug);
        TsmCore tsm = sut.stack().tsm();
        PciAddress dsm = sut.dsm().address();
        int streams = tsm.availableSecureStreams(sut.dsm().hostBridge());
        sut.connect();
        int streamsWhileRemoved;
        Result<Done> connectWhileRemoved;
        Result<Done> disconnectWhileRemoved;

        try {
            Setup.require(hotplug.remove(dsm), "remove " + dsm);
            streamsWhileRemoved = tsm.availableSecureStreams(sut.dsm().hostBridge());
            connectWhileRemoved = tsm.connect(dsm, sut.tsmName());
            disconnectWhileRemoved = tsm.disconnect(dsm, sut.tsmName());
        } finally {
            Setup.require(hotplug.rescan(), "rescan");
        }

        assertThat("secure streams of " + sut.dsm().hostBridge() + " while " + dsm + " is removed", streamsWhileRemoved)
                .is(streams);
        assertThat(connectWhileRemoved).as("connect of %s while it is removed (no tsm/connect)", dsm)
                .isRefusedWith(Errno.ENOENT);
        assertThat(disconnectWhileRemoved).as("disconnect of %s while it is removed (no tsm/disconnect)", dsm)
                .isRefusedWith(Errno.ENOENT);
        assertThatLink("tsm/connect of " + dsm + " after its removal and a rescan", tsm.connectedTsm(dsm)).namesNoTsm();
        assertThat("secure streams of " + sut.dsm().hostBridge() + " after the DSM's removal and a rescan",
                tsm.availableSecureStreams(sut.dsm().hostBridge())).is(streams);
        assertThat(tsm.connect(dsm, sut.tsmName())).as("connect of %s after the rescan", dsm).succeeded();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("bothVfOrders")
    @Must("TSM-26")
    void vfsEnabledUnderAConnectedDsmGetTheContextsConnectGave(HostSut sut, VfOrder order) {
        Applicability.requireVfs(sut);
        PciSriov sriov = sut.hook(Capability.SRIOV_NUMVFS, HostStack::sriov);
        TsmCore tsm = sut.stack().tsm();
        PciAddress dsm = sut.dsm().address();
        List<PciAddress> vfs = sriov.enabledVfs(dsm);
        sut.connect();
        List<String> atConnect = contexts(tsm, vfs);

        try {
            if (order == VfOrder.DISABLED_BEFORE_CONNECT_ENABLED_AFTER) {
                Setup.require(tsm.disconnect(dsm, sut.tsmName()), "disconnect " + dsm);
                Setup.require(sriov.setNumVfs(dsm, 0), "sriov_numvfs = 0 on " + dsm);
                Setup.require(tsm.connect(dsm, sut.tsmName()), "connect " + dsm + " with its VFs disabled");
            } else {
                Setup.require(sriov.setNumVfs(dsm, 0), "sriov_numvfs = 0 on " + dsm);
                assertThatLink("tsm/connect of " + dsm + " after its VFs were disabled",
                        tsm.connectedTsm(dsm)).namesTsm(sut.tsmName());
            }
            assertThat("tsm/dsm of each VF of " + dsm + " while its VFs are disabled (the VFs are gone)",
                    vfs.stream().map(tsm::dsmOf).toList()).is(vfs.stream().map(vf -> Optional.<PciAddress>empty())
                    .toList());
            Setup.require(sriov.setNumVfs(dsm, vfs.size()), "sriov_numvfs = " + vfs.size() + " on " + dsm);

            assertThat("VFs of " + dsm + " enabled again", sriov.enabledVfs(dsm)).is(vfs);
            assertThat("TSM context and tsm/dsm of each VF enabled under the connected DSM (as at connect)",
                    contexts(tsm, vfs)).is(atConnect);
            assertThatLink("tsm/connect of " + dsm + " after its VFs came back",
                    tsm.connectedTsm(dsm)).namesTsm(sut.tsmName());
        } finally {
            if (!sriov.enabledVfs(dsm).equals(vfs)) {
                sriov.setNumVfs(dsm, 0);
                sriov.setNumVfs(dsm, vfs.size());
            }
        }
    }

    /** Each function's TSM context state and tsm/dsm, one line each. */
    private static List<String> contexts(TsmCore tsm, List<PciAddress> functions) {
        return functions.stream().map(f -> f + ": " + tsm.state(f) + ", tsm/dsm "
                + tsm.dsmOf(f).map(PciAddress::toString).orElse("none")).toList();
    }
}
