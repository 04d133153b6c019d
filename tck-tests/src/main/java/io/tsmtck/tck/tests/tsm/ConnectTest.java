package io.tsmtck.tck.tests.tsm;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;
import static io.tsmtck.tck.assertions.KitAssertions.assertThatLink;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.Dsm;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.api.tsm.TsmContextState;
import io.tsmtck.api.tsm.TsmCore;
import io.tsmtck.tck.binding.Applicability;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.host.Cases;
import io.tsmtck.tck.host.HostSut;
import io.tsmtck.tck.host.Suts;
import io.tsmtck.tck.setup.Setup;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Connect and disconnect of a DSM (drivers/pci/tsm.c). */
@Tag("area-tsm")
class ConnectTest {

    static Stream<Arguments> malformedNames() {
        // what the kernel's sscanf(buf, "tsm%d") does not parse: its vsscanf takes '-' as the only sign,
        // so "tsm+0" is no number; "tsm0x" parses as tsm0 and "tsm-1" as tsm-1
        return Cases.profilesWith(List.of("foo", "tsm", "TSM0", "tsmx", " tsm0", "tsm+", "tsm+0", "tsm +1"));
    }

    @ParameterizedTest(name = "{0}, name \"{1}\"")
    @MethodSource("malformedNames")
    @Must("TSM-01")
    void aNameNotOfTheFormTsmNIsInvalid(HostSut sut, String name) {
        assertThat(sut.stack().tsm().connect(sut.dsm().address(), name)).as("connect to \"%s\"", name)
                .isRefusedWith(Errno.EINVAL);
    }

    /** Spellings of "tsmN" that sscanf(buf, "tsm%d\n", &id) reads as N: the kernel looks up tsmN for each. */
    enum Spelling {
        ECHO_NEWLINE("tsm%d\n"), LEADING_ZERO("tsm0%d"), TEXT_AFTER("tsm%dx"), SPACE_BEFORE("tsm %d"),
        TAB_BEFORE("tsm\t%d");

        private final String format;

        Spelling(String format) {
            this.format = format;
        }

        String of(int number) {
            return String.format(format, number);
        }
    }

    static Stream<Arguments> spellings() {
        return Cases.profilesWith(List.of(Spelling.values()));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("spellings")
    @Must("TSM-01")
    void aNameSscanfReadsAsTsmNConnectsToTsmN(HostSut sut, Spelling spelling) {
        String tsm = sut.tsmName();
        String written = spelling.of(Integer.parseInt(tsm.substring("tsm".length())));

        assertThat(sut.stack().tsm().connect(sut.dsm().address(), written))
                .as("connect to \"%s\" (%s), which names %s", written.replace("\n", "\\n"), spelling, tsm)
                .succeeded();
        assertThatLink("tsm/connect of " + sut.pf0().address() + " after writing " + spelling,
                sut.stack().tsm().connectedTsm(sut.pf0().address())).namesTsm(tsm);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("TSM-02")
    void connectingTwiceIsBusy(HostSut sut) {
        sut.connect();

        assertThat(sut.stack().tsm().connect(sut.dsm().address(), sut.tsmName())).as("second connect")
                .isRefusedWith(Errno.EBUSY);
    }

    static Stream<Arguments> absentTsms() {
        return Cases.profilesWith(List.of("tsm97", "tsm-1"));
    }

    @ParameterizedTest(name = "{0}, name \"{1}\"")
    @MethodSource("absentTsms")
    @Must("TSM-03")
    void connectingToAnAbsentTsmIsNoSuchDevice(HostSut sut, String name) {
        assertThat(sut.stack().tsm().connect(sut.dsm().address(), name)).as("connect to %s", name)
                .isRefusedWith(Errno.ENXIO);
    }

    /** A connect or disconnect the kernel refuses, and whether the DSM is connected (with PF0 bound) first. */
    enum Refusal {
        MALFORMED_NAME(false), ABSENT_TSM(false), SECOND_CONNECT(true), DISCONNECT_NOT_CONNECTED(false),
        DISCONNECT_OTHER_TSM(true);

        final boolean connectedFirst;

        Refusal(boolean connectedFirst) {
            this.connectedFirst = connectedFirst;
        }

        Result<Done> attempt(TsmCore tsm, PciAddress dsm, String tsmName) {
            return switch (this) {
                case MALFORMED_NAME -> tsm.connect(dsm, "tsmx");
                case ABSENT_TSM -> tsm.connect(dsm, "tsm97");
                case SECOND_CONNECT -> tsm.connect(dsm, tsmName);
                case DISCONNECT_NOT_CONNECTED -> tsm.disconnect(dsm, tsmName);
                case DISCONNECT_OTHER_TSM -> tsm.disconnect(dsm, "tsm97");
            };
        }
    }

    static Stream<Arguments> refusals() {
        return Cases.profilesWith(Suts.WITH_SUBFUNCTIONS, List.of(Refusal.values()));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("refusals")
    @Must("TSM-27")
    void aRefusedConnectOrDisconnectChangesNothing(HostSut sut, Refusal refusal) {
        TsmCore tsm = sut.stack().tsm();
        Dsm dsm = sut.dsm();
        if (refusal.connectedFirst) {
            sut.assign(sut.pf0()).bound();
        }
        List<String> before = TsmAttributes.of(sut);

        assertThat(refusal.attempt(tsm, dsm.address(), sut.tsmName())).as("%s of %s", refusal, dsm.address())
                .isRefused();

        assertThat("tsm/ attributes of every function and " + dsm.hostBridge() + "'s secure streams after the refused "
                + refusal, TsmAttributes.of(sut)).is(before);
        if (refusal.connectedFirst) {
            assertThat(sut, sut.pf0()).as("the bound TDI after the refused %s", refusal)
                    .isInState(TdiState.CONFIG_LOCKED);
        } else {
            assertThat(tsm.connect(dsm.address(), sut.tsmName())).as("connect to %s after the refused %s",
                    sut.tsmName(), refusal).succeeded();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("TSM-04")
    void disconnectingWithoutConnectIsNoSuchDevice(HostSut sut) {
        assertThat(sut.stack().tsm().disconnect(sut.dsm().address(), sut.tsmName())).isRefusedWith(Errno.ENXIO);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("TSM-05")
    void disconnectingFromAnotherTsmIsInvalid(HostSut sut) {
        sut.connect();

        assertThat(sut.stack().tsm().disconnect(sut.dsm().address(), "tsm97")).as("disconnect naming tsm97")
                .isRefusedWith(Errno.EINVAL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("TSM-06")
    void connectTakesOneSecureStreamAndDisconnectGivesItBack(HostSut sut) {
        TsmCore tsm = sut.stack().tsm();
        Dsm dsm = sut.dsm();
        int before = tsm.availableSecureStreams(dsm.hostBridge());

        sut.connect();
        int connected = tsm.availableSecureStreams(dsm.hostBridge());
        Setup.require(tsm.disconnect(dsm.address(), sut.tsmName()), "disconnect");
        int after = tsm.availableSecureStreams(dsm.hostBridge());

        assertThat("available_secure_streams of " + dsm.hostBridge() + " before, connected, after",
                List.of(connected, after)).is(List.of(before - 1, before));
    }

    static Stream<HostSut> twoDsms() {
        return Suts.everyProfile(new TopologyRequest(2, 1, 0, List.of(64L * 1024)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoDsms")
    @Must("TSM-20")
    void dsmsBelowDifferentHostBridgesConnectAtOnceEachTakingItsOwnStream(HostSut sut) {
        Applicability.requireSeveralDsms(sut);
        TsmCore tsm = sut.stack().tsm();
        List<Dsm> dsms = sut.stack().topology().dsms();
        List<Integer> before = dsms.stream().map(d -> tsm.availableSecureStreams(d.hostBridge())).toList();

        dsms.forEach(d -> assertThat(tsm.connect(d.address(), sut.tsmName())).as("connect %s", d.address())
                .succeeded());

        List<String> state = dsms.stream().map(d -> d.hostBridge() + ": " + tsm.availableSecureStreams(d.hostBridge())
                + " streams, tsm/connect " + tsm.connectedTsm(d.address()).orElse("empty")).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < dsms.size(); i++) {
            expected.add(dsms.get(i).hostBridge() + ": " + (before.get(i) - 1) + " streams, tsm/connect "
                    + sut.tsmName());
        }
        assertThat("host bridges and tsm/connect with every DSM connected", state).is(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suts.EVERY_PROFILE)
    @Must("TSM-07")
    void afterConnectTheDsmShowsItsTsmAndIsConnected(HostSut sut) {
        sut.connect();

        assertThatLink("tsm/connect of " + sut.pf0().address(),
                sut.stack().tsm().connectedTsm(sut.pf0().address())).namesTsm(sut.tsmName());
        assertThat("context state of " + sut.pf0().address(), sut.stack().tsm().state(sut.pf0().address()))
                .is(TsmContextState.CONNECTED);
    }
}
