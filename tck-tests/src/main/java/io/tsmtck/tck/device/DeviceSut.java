package io.tsmtck.tck.device;

import io.tsmtck.api.device.DeviceControl;
import io.tsmtck.api.device.DeviceEvent;
import io.tsmtck.api.device.DeviceUnderTest;
import io.tsmtck.api.device.SpdmChannel;
import io.tsmtck.api.device.SpdmSessionId;
import io.tsmtck.api.idekm.IdeKmObjectId;
import io.tsmtck.api.idekm.KeyProg;
import io.tsmtck.api.idekm.KeySetCommand;
import io.tsmtck.api.idekm.KeySubStream;
import io.tsmtck.api.idekm.KpAck;
import io.tsmtck.api.idekm.KpAckStatus;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.message.GetVersion;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.VersionResponse;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.Bar;
import io.tsmtck.api.topology.FunctionRole;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.binding.OracleCheck;
import io.tsmtck.tck.binding.RuleContext;
import io.tsmtck.tck.binding.TdiSubject;
import io.tsmtck.tck.binding.Transcript;
import io.tsmtck.tck.catalogue.Rule;
import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.host.Suts;
import io.tsmtck.tck.setup.Await;
import io.tsmtck.tck.setup.Setup;
import io.tsmtck.tck.spdm.RequesterConfig;
import io.tsmtck.tck.spdm.SpdmConnection;
import io.tsmtck.tck.spdm.SpdmRequester;
import io.tsmtck.tck.spdm.SpdmSession;
import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.opentest4j.TestAbortedException;

/**
 * The device kit's subject for one test invocation: a device from the configured
 * {@link DeviceSource}, opened on first use, with the kit as its SPDM requester. {@link #connect()}
 * does what a TSM's connect does, on the kit's own terms: negotiates, validates the device's
 * certificate chain against the configured trust anchor, opens a secured session, asks every TDI's
 * GET_TDISP_VERSION, and programs and starts K0 keys for all six sub-streams of {@link #STREAM} with
 * IDE_KM. Closing it gives the device back; on a device the tests share it hands the session on to the
 * next test when the test used only TDISP (and IDE_KM of spare streams) over it, or the connection
 * alone when the test worked on the session but sent nothing beside it ({@link KeptSession}), and
 * ends the session otherwise.
 */
public final class DeviceSut implements TdiSubject, AutoCloseable {

    /** The IDE stream the kit sets up at connect and names as the default stream of every LOCK. */
    public static final int STREAM = 1;
    /** The first of the spare streams {@link #unkeyedStream()} gives: none the kit or a TSM's LOCK names. */
    public static final int FIRST_SPARE_STREAM = 0x33;
    /** How many spare streams one session of the kit's hands out before {@link #unkeyedStream()} opens another. */
    public static final int SPARE_STREAMS = 8;


    private final TopologyRequest wanted;
    private final OracleCheck oracle = new OracleCheck(() -> 0);
    private final Random keys;
    /** Whether this is a plaintext run ({@value KitConfig#PLAINTEXT}): no session; never a certification. */
    private final boolean plaintext = KitConfig.plaintext();
    private DeviceUnderTest device;
    private TranscriptMailbox mailbox;
    /** What went over the mailbox outside any test (the meeting with the device before the tests). */
    private final Transcript outside = new Transcript();
    private List<PciFunction> functions = List.of();
    private SpdmConnection connection;
    private SpdmSession session;
    private boolean reset;
    /** Whether the open session has had what {@link #connect()} sends after it (TDISP versions, IDE keys). */
    private boolean prepared;
    /** The mailbox the kit's session goes through on a shared device, so that it can be handed on. */
    private KeptSession.Switchable switchable;
    /** Whether the test touched more than TDISP over the kit's session: the session is then not handed on. */
    private boolean tainted;
    /**
     * Whether the test reached the device's SPDM connection beyond the kit's session (raw objects, plaintext
     * requests, a GET_VERSION of its own, the rig): then not even the connection goes on to the next test.
     */
    private boolean connectionTouched;
    /**
     * The streams other than {@link #STREAM} that an IDE_KM request of a test named over the kit's session (this
     * one or the one handed on with it): keys may be programmed, started or stopped there.
     */
    private Set<Integer> keyedStreams = new HashSet<>();
    /** Whether the kit itself is setting the session up (its IDE_KM is no test's). */
    private boolean kitSetup;
    /**
     * The TDIs known to be in CONFIG_UNLOCKED when this test set up: those the kit's reset checked, and
     * those the test before left so ({@link UnlockedTdis}).
     */
    private final Set<PciAddress> unlockedAtSetup = new HashSet<>();
    /** The test reached the device beyond the kit's TDISP and IDE_KM clients: nothing is known of its TDIs. */
    private boolean stateUnknown;
    /**
     * The TDIs this test sent a request that may move them (see {@link TdispClient}), outside the kit's set-up, and
     * did not read back in CONFIG_UNLOCKED since.
     */
    private final Set<PciAddress> moved = new HashSet<>();

    /** A device with (at most) the functions of {@code wanted}, opened when first used. */
    public DeviceSut(TopologyRequest wanted) {
        this.wanted = wanted;
        this.keys = new Random(KitConfig.seed() ^ wanted.hashCode());
    }

    /** The topology this test's device has: {@code wanted} cut to what the source offers. */
    @Override
    public TopologyRequest topology() {
        return Suts.fit(wanted, Devices.source().largest());
    }

    /** The device; opened now if it was not yet. */
    public DeviceUnderTest device() {
        if (device == null) {
            try {
                device = Devices.source().open(topology());
            } catch (IOException | RuntimeException e) {
                throw Setup.failed("open the device " + Devices.source().describe(), e.toString());
            }
            mailbox = new TranscriptMailbox(device.mailbox(), device.transport(), outside);
            TopologyRequest topology = topology();
            List<PciFunction> pfs = device.functions().stream().filter(f -> f.role() != FunctionRole.VF)
                    .limit(topology.functionsPerDsm()).collect(Collectors.toList());
            List<PciFunction> vfs = device.functions().stream().filter(f -> f.role() == FunctionRole.VF)
                    .limit(topology.vfsPerDsm()).collect(Collectors.toList());
            functions = new ArrayList<>(pfs);
            functions.addAll(vfs);
            if (functions.isEmpty() || functions.get(0).role() != FunctionRole.DSM) {
                throw Setup.failed("list the functions of " + device.transport(), "the first is not the DSM: "
                        + device.functions());
            }
        }
        return device;
    }

    /** The DSM (PF0). */
    public PciFunction pf0() {
        return function(0);
    }

    /** Function {@code index} (PF0 is 0, then the other PFs, then the VFs). */
    public PciFunction function(int index) {
        device();
        return functions.get(index);
    }

    /** The functions under test. */
    public List<PciFunction> functions() {
        device();
        return List.copyOf(functions);
    }

    /**
     * Opens the kit's secured session and sets up {@link #STREAM} with IDE_KM, unless a session is
     * open; on a shared device, first brings every TDI back to CONFIG_UNLOCKED. A step that fails
     * fails the test as a setup failure naming it.
     */
    public DeviceSut connect() {
        if (prepared && (session != null && session.isOpen() || plaintext && connection != null)) {
            return this;
        }
        requireDeclaredRig();
        kitSetup = true;
        try {
            if (!adoptKeptSession()) {
                openSessionOnly();
                for (PciFunction function : functions) {
                    // what a TSM asks first of every TDI (spdm-emu's device creates its interface context here)
                    tdisp(function).send(HeaderOnlyMessage.getVersion(tdisp(function).header()));
                }
                if (!reset && !Devices.source().fresh()) {
                    reset = true;
                    Set<PciAddress> known = UnlockedTdis.of(Devices.source());
                    resetTdis(function -> !known.contains(function.address()));
                    unlockedAtSetup.addAll(known);
                    functions.forEach(function -> unlockedAtSetup.add(function.address()));
                }
            }
            if (!prepared) {
                programStream(tdisp(pf0()), STREAM, lane -> true);
                prepared = true;
            }
            return this;
        } finally {
            kitSetup = false;
        }
    }

    /**
     * On a shared device, the session the previous test handed on ({@link KeptSession}), with the kit's keys
     * programmed or not yet: adopted after GET_TDISP_VERSION of every TDI (as in a new session) once every TDI
     * is back in CONFIG_UNLOCKED. False when there is none, or when it no longer answers (the test then starts
     * from a connection of its own).
     */
    private boolean adoptKeptSession() {
        if (plaintext || Devices.source().fresh()) {
            return false;
        }
        device();
        Optional<KeptSession.Kept> kept = KeptSession.take(Devices.source());
        if (kept.isEmpty()) {
            return false;
        }
        if (kept.get().session() == null) {
            // a connection handed on without its session: a session of this test's own over it, set up as a new
            // one (false); one that serves no session any more leaves the test to negotiate anew
            kept.get().mailbox().retarget(mailbox);
            SessionResult<SpdmSession> opened = kept.get().connection().openSession();
            if (opened.isOk()) {
                switchable = kept.get().mailbox();
                connection = kept.get().connection();
                session = opened.orElseThrow();
                keyedStreams = new HashSet<>();
                prepared = false;
            }
            return false;
        }
        kept.get().mailbox().retarget(mailbox);
        switchable = kept.get().mailbox();
        connection = kept.get().connection();
        session = kept.get().session();
        keyedStreams = kept.get().keyedStreams();
        prepared = kept.get().keyed();
        Set<PciAddress> unlocked = UnlockedTdis.of(Devices.source());
        try {
            // what connect() asks of every TDI in a new session, so that a device whose TDISP state hangs on it
            // (spdm-emu re-homes its interface at GET_TDISP_VERSION) starts each test as in a session of its own;
            // a TDI the last test sent nothing that could move it is where the reset before that test left it
            for (PciFunction function : functions) {
                if (!unlocked.contains(function.address())) {
                    tdisp(function).send(HeaderOnlyMessage.getVersion(tdisp(function).header()));
                }
            }
            reset = true;
            // a session the device may have ended since is found out here, with one request if none went above:
            // after a test that may have reset the connection or the device nothing is known of the TDIs, so each
            // was asked, and otherwise only the device's heartbeat watchdog ends a kept session (twice
            // HeartbeatPeriod of silence, DSP0274)
            boolean allKnown = functions.stream().allMatch(function -> unlocked.contains(function.address()));
            boolean mayHaveEnded = session.heartbeatPeriod() > 0
                    && switchable.idleMillis() >= session.heartbeatPeriod() * 1000L;
            resetTdis(function -> !unlocked.contains(function.address())
                    || allKnown && mayHaveEnded && function.equals(pf0()));
            unlockedAtSetup.addAll(unlocked);
            functions.forEach(function -> unlockedAtSetup.add(function.address()));
            return true;
        } catch (RuntimeException stale) {
            // ended by its heartbeat, or the device was met anew: start over on a view of its own
            switchable = null;
            connection = null;
            session = null;
            prepared = false;
            reset = false;
            closeView();
            return false;
        }
    }

    /**
     * Whether the kit's session may go on to the next test: only TDISP went over it (and the IDE_KM {@link
     * #ideKmSent} allows), nothing is in flight, and every other session over the connection (a second one, one
     * a test of FINISH left in its handshake) is ended. A session the kit opened after ending one (to reach
     * ERROR) goes on without keys; the test that adopts it programs them.
     */
    private boolean handsOn() {
        return switchable != null && !tainted && !switchable.busy() && session != null && session.isOpen()
                && !connection.hasOpenSessionsBesides(session);
    }

    /**
     * The test touched more than TDISP over the kit's session: it is not handed on, and nothing is
     * known of the TDIs after it.
     */
    private void taint() {
        if (!kitSetup) {
            tainted = true;
            stateUnknown = true;
        }
    }

    /** {@link #taint()}, and the test may have reset or changed the device's connection: it is not handed on. */
    private void taintConnection() {
        taint();
        if (!kitSetup) {
            connectionTouched = true;
        }
    }

    /**
     * Whether the kit's connection may go on without its session: the test worked on the session (or its keys)
     * but sent nothing beside it, nothing is in flight, and no session over the connection is left open (one a
     * test left in its handshake would go on with it). The next test opens a session of its own over it
     * (KEY_EXCHANGE, FINISH) instead of negotiating again.
     */
    private boolean handsOnConnection() {
        return switchable != null && !connectionTouched && !switchable.busy() && connection != null
                && !connection.hasOpenSessionsBesides(null);
    }

    /**
     * The test changed IDE keys the kit's session set up, or set up keys a TDI is bound to: the session is not
     * handed on (its keys are not the kit's), but the TDIs are where the TDISP requests the kit followed left
     * them (keys move no TDI that is not locked).
     */
    private void keysChanged() {
        if (!kitSetup) {
            tainted = true;
        }
    }

    /**
     * What an IDE_KM request of the test ({@code request}, as sent, well formed or not) leaves to the next
     * test: a QUERY nothing; a KEY_PROG or K_SET_GO of a stream other than {@link #STREAM} that stream's keys,
     * which {@link #unkeyedStream()} then gives no test of the session again; anything else (the kit's stream,
     * a K_SET_STOP, which a device that confuses streams would apply to the kit's, bytes that name no stream)
     * {@link #keysChanged()}. IDE_KM PCIe Base 6.x §6.33.3: the stream id is byte 3 of KEY_PROG, K_SET_GO and
     * K_SET_STOP.
     */
    private void ideKmSent(ByteString request) {
        int object = request.size() > 0 ? request.get(0) & 0xFF : -1;
        if (kitSetup || object == IdeKmObjectId.QUERY.code()) {
            return;
        }
        int stream = request.size() > 3 ? request.get(3) & 0xFF : STREAM;
        if (stream == STREAM || object != IdeKmObjectId.KEY_PROG.code() && object != IdeKmObjectId.K_SET_GO.code()) {
            keysChanged();
        }
        keyedStreams.add(stream);
    }

    /**
     * A stream that neither the kit nor any IDE_KM request over the kit's session has named, for a test that
     * needs one without keys: one of {@value #SPARE_STREAMS} spare streams from {@link #FIRST_SPARE_STREAM}; when
     * the session has named them all, it is ended and the kit opens another (a device keeps a session's keys
     * for that session only). Connects first.
     */
    public int unkeyedStream() {
        connect();
        for (int stream = FIRST_SPARE_STREAM; stream < FIRST_SPARE_STREAM + SPARE_STREAMS; stream++) {
            if (!keyedStreams.contains(stream)) {
                return stream;
            }
        }
        if (plaintext) {
            throw Setup.failed("find a spare stream without keys", "every one of the " + SPARE_STREAMS
                    + " from stream " + FIRST_SPARE_STREAM + " was named by IDE_KM in this plaintext run");
        }
        kitSetup = true;
        try {
            require(session.end(), "END_SESSION of a session whose spare streams all have keys");
        } finally {
            kitSetup = false;
        }
        session = null;
        keyedStreams = new HashSet<>();
        connect();
        return FIRST_SPARE_STREAM;
    }

    /**
     * NOT_TESTED before anything goes to the device when the rule under test needs a rig (its
     * catalogue entry's {@code rig}) and the device's offers none of those actions: the test would
     * find out only after the session, the keys and the TDI states it sets up.
     */
    private void requireDeclaredRig() {
        Optional<Rule> rule = RuleContext.current().map(RuleContext::rule).filter(r -> !r.rig().isEmpty());
        if (rule.isEmpty()) {
            return;
        }
        Set<DeviceControl.Action> offered = device().control().map(DeviceControl::actions).orElse(Set.of());
        if (rule.get().rig().stream().noneMatch(offered::contains)) {
            DeviceControl.Action needed = rule.get().rig().get(0);
            throw new TestAbortedException("needs a rig that can " + needed.toOffer() + ": give the device a"
                    + " DeviceControl offering " + String.join(" or ", rule.get().rig().stream().map(Enum::name)
                    .toList()) + (device().control().isEmpty() ? " (" + device().transport()
                    + " has no DeviceControl)" : ""));
        }
    }

    /**
     * Opens the kit's secured session, unless one is open, over the kit's connection (negotiated first if
     * there is none, or the test reset it), and sends nothing else: no GET_TDISP_VERSION, no IDE_KM. What a
     * session's end left is observed from here, before a request of the kit's own could change it; the next
     * {@link #connect()} does the rest.
     */
    public DeviceSut openSessionOnly() {
        if (session != null && session.isOpen() || plaintext && connection != null) {
            return this;
        }
        prepared = false;
        DeviceUnderTest dut = device();
        if (connection == null) {
            switchable = plaintext || Devices.source().fresh() ? null : new KeptSession.Switchable(mailbox);
            KeptSession.take(Devices.source()); // this connection's GET_VERSION ends any session handed on
            connection = require(new SpdmRequester(RequesterConfig.standard(Devices.trustAnchor()), random(),
                    Optional.of(Devices.verifiedChains())).loggingSessions(DeviceSut::logged)
                    .connect(switchable != null ? switchable : mailbox),
                    "negotiate with " + dut.transport() + " and validate its certificate chain");
        }
        if (!plaintext) {
            session = require(connection.openSession(), "open a secured session with " + dut.transport());
            keyedStreams = new HashSet<>();
        }
        return this;
    }

    /**
     * The kit's open session (NOT_TESTED in a plaintext run): the one handed on, or a new one with nothing sent
     * in it; {@link #connect()} sends the rest (TDISP versions, the reset, IDE keys) when the test needs TDIs.
     */
    public SpdmSession session() {
        requireSession();
        sessionOnly();
        taint();
        return session;
    }

    /** The kit's negotiated connection (plaintext SPDM), with the kit's session open as {@link #session()} has it. */
    public SpdmConnection connection() {
        sessionOnly();
        taint();
        return connection;
    }

    /**
     * The kit's session for a test that works on the session or connection itself: a session handed on is
     * adopted (its TDIs back in CONFIG_UNLOCKED, as for any test), otherwise one is opened, without the TDISP
     * and IDE_KM a test of TDIs needs ({@link #connect()} adds them). Twenty exchanges fewer a test where a
     * device answers slowly (issue "device kit speed").
     */
    private void sessionOnly() {
        if (session != null && session.isOpen() || plaintext && connection != null) {
            return;
        }
        requireDeclaredRig();
        kitSetup = true;
        try {
            if (adoptKeptSession()) {
                return;
            }
        } finally {
            kitSetup = false;
        }
        openSessionOnly();
    }

    /**
     * A second secured session beside the kit's own, over the kit's connection; the caller ends it (the kit's
     * session goes on to the next test only when it did). A refusal is a set-up failure.
     */
    public SpdmSession openSecondSession() {
        sessionOnly();
        SessionResult<SpdmSession> opened = connection.openSession();
        if (!opened.isOk()) {
            throw Setup.failed("open a second session", opened.failure().orElseThrow().toString());
        }
        return opened.orElseThrow();
    }

    /**
     * One DOE object straight to the device's mailbox, outside everything the kit's requester keeps
     * (a request out of order, a record of an ended session), recorded in the test's transcript.
     */
    public Optional<DoeObject> raw(DoeObject request) {
        try {
            return rawOrClosed(request);
        } catch (IOException e) {
            throw Setup.failed("send " + request.encode().hex() + " to " + device().transport(), e.toString());
        }
    }

    /**
     * {@link #raw} for a request the device may answer by ending the connection (a record it must
     * not open): that is no answer, and the {@link IOException} says how the connection ended.
     */
    public Optional<DoeObject> rawOrClosed(DoeObject request) throws IOException {
        device();
        taintConnection();
        return mailbox.exchange(request);
    }

    /**
     * One plaintext SPDM request straight to the mailbox, as {@link #raw} sends it, and what came back,
     * decoded with {@code sizes}; a secured or other DOE answer counts as none.
     */
    public SpdmAnswer plain(ByteString request, MessageSizes sizes) {
        return new SpdmAnswer(raw(DoeObject.wrap(DoeObject.TYPE_SPDM, request)).filter(a -> a.type()
                == DoeObject.TYPE_SPDM).map(DoeObject::data), sizes);
    }

    /**
     * The test reset the device's SPDM connection itself (a GET_VERSION of its own ends every
     * session): the kit forgets its connection and session, and the next {@link #connect()}
     * negotiates anew.
     */
    public void connectionReset() {
        taintConnection();
        session = null;
        connection = null;
        prepared = false;
    }

    /**
     * A negotiated connection of the test's own, its chain validated: its GET_VERSION resets the
     * device's connection and ends every session, the kit's too ({@link #connectionReset()}), so the
     * test starts from a connection nothing else has touched. A refusal is a set-up failure.
     */
    public SpdmConnection freshConnection() {
        return freshConnection(UnaryOperator.identity());
    }

    /**
     * {@link #freshConnection()} with the kit's requester configuration changed by {@code offering}
     * (a capability the kit does not offer otherwise, one version).
     */
    public SpdmConnection freshConnection(UnaryOperator<RequesterConfig> offering) {
        DeviceUnderTest dut = device();
        connectionReset();
        return require(new SpdmRequester(offering.apply(RequesterConfig.standard(Devices.trustAnchor())), random(),
                Optional.of(Devices.verifiedChains())).loggingSessions(DeviceSut::logged).connect(mailbox),
                "negotiate a connection of the test's own with " + dut.transport());
    }

    /**
     * GET_VERSION of the test's own, which resets the device's connection ({@link #connectionReset()}):
     * the VERSION it got. Anything else is a set-up failure.
     */
    public VersionResponse versionOnly() {
        device();
        connectionReset();
        SpdmAnswer answer = plain(GetVersion.request().encode(), MessageSizes.none());
        return answer.as(VersionResponse.class).orElseThrow(() -> Setup.failed("GET_VERSION", answer.describe()));
    }

    /** The kit's SPDM requester, as {@link #connect()} uses it (its requests, to send raw). */
    public SpdmRequester requester() {
        taintConnection();
        return new SpdmRequester(RequesterConfig.standard(Devices.trustAnchor()), random())
                .loggingSessions(DeviceSut::logged);
    }

    /** A session a connection of the kit's opened: in the running test's report, by its id and TH2's hash. */
    private static void logged(SpdmSession opened) {
        RuleContext.current().ifPresent(context -> context.sessionOpened(opened.sessionId(),
                opened.transcriptHash().map(ByteString::hex).orElse("")));
    }

    /** What went over the device's mailbox outside any test: the meeting with the device before the tests. */
    public String transcriptOutsideTests() {
        return outside.render();
    }

    /** Ends the kit's session with END_SESSION; the next {@link #connect()} opens a new one. */
    public void endSession() {
        requireSession();
        if (session != null && session.isOpen()) {
            require(session.end(), "END_SESSION");
        }
    }

    public TdispClient tdisp(PciFunction function) {
        return client(() -> Optional.ofNullable(session), this::channel, function);
    }

    /** A TDISP and IDE_KM client of {@code function} over the session {@code over} supplies. */
    private TdispClient client(Supplier<Optional<SpdmSession>> over, Supplier<SpdmChannel> channel,
                               PciFunction function) {
        return new TdispClient(new KitLink(() -> connection, over, device().transport()), oracle, channel,
                () -> STREAM, function, this::ideKmSent, new TdispClient.TdiWatch() {
                    @Override
                    public void moving() {
                        if (!kitSetup) {
                            moved.add(function.address());
                        }
                    }

                    /** A TDI the test read back in CONFIG_UNLOCKED after its last move needs no reset. */
                    @Override
                    public void read(TdiState state) {
                        if (state == TdiState.CONFIG_UNLOCKED) {
                            moved.remove(function.address());
                        }
                    }
                });
    }

    /** The kit's session, or plaintext in a plaintext run. */
    private SpdmChannel channel() {
        if (plaintext) {
            return SpdmChannel.plaintext();
        }
        return SpdmChannel.secured(Optional.ofNullable(session).filter(SpdmSession::isOpen)
                .map(s -> new SpdmSessionId(s.sessionId())).orElseThrow(() -> Setup.failed("find the kit's session with "
                        + device().transport(), "there is none open; connect first")));
    }

    /**
     * Ends the test NOT_TESTED in a plaintext run: what it checks needs a secured session (that the
     * device drops what comes outside one, or what happens when one ends).
     */
    public void requireSession() {
        if (plaintext) {
            throw new TestAbortedException("needs a secured session, and this is a plaintext run ("
                    + KitConfig.PLAINTEXT + "=true)");
        }
    }

    @Override
    public Optional<TdiState> deviceState(PciFunction function) {
        return Optional.of(tdisp(function).state());
    }

    /**
     * The rig's control for {@code action}; a device whose rig does not offer it ends the test
     * NOT_TESTED, saying what to provide.
     */
    public DeviceControl control(DeviceControl.Action action) {
        taintConnection();
        Optional<DeviceControl> control = device().control();
        if (control.isEmpty() || !control.get().actions().contains(action)) {
            throw new TestAbortedException("needs a rig that can " + action.toOffer() + ": give the device a"
                    + " DeviceControl offering " + action + (control.isEmpty() ? " (" + device().transport()
                    + " has no DeviceControl)" : ""));
        }
        return control.get();
    }

    /**
     * Whether {@code condition} held after a rig action: watched for {@link KitConfig#timeoutAbsent()},
     * or, if the rig declares that the device reacts at once, checked at once and looked at again
     * within a quarter of it, so that a declaration that is not true of the device does not hide a
     * late reaction the second look can see.
     */
    public boolean holdsAfterRigAction(BooleanSupplier condition) {
        boolean atOnce = device().control().map(DeviceControl::reactsAtOnce).orElse(false);
        return atOnce ? Await.holdsAtOnceAndAfter(condition) : Await.holdsThroughout(condition);
    }

    /**
     * The size of BAR {@code index} of {@code function}, as its device lists it; NOT_TESTED when the
     * device names its functions without BARs (a device over a socket).
     */
    public long barSize(PciFunction function, int index) {
        if (index >= function.bars().size()) {
            throw new TestAbortedException("needs the size of BAR" + index + " of " + function.address() + ", which "
                    + device().transport() + " does not list");
        }
        return function.bars().get(index).size();
    }

    /** The BARs of {@code function}; NOT_TESTED when the device names its functions without BARs. */
    public List<Bar> bars(PciFunction function) {
        if (function.bars().isEmpty()) {
            throw new TestAbortedException("needs the BARs of " + function.address() + ", which "
                    + device().transport() + " does not list");
        }
        return function.bars();
    }

    /** {@code function}'s configuration space through the rig (NOT_TESTED without {@code CONFIG_ACCESS}). */
    public RigConfig config(PciFunction function) {
        return new RigConfig(control(DeviceControl.Action.CONFIG_ACCESS), function);
    }

    /** A function-level reset of {@code function} through the rig (NOT_TESTED without one). */
    public void functionLevelReset(PciFunction function) {
        DeviceControl control = control(DeviceControl.Action.FUNCTION_LEVEL_RESET);
        try {
            control.functionLevelReset(function.address());
        } catch (IOException e) {
            throw Setup.failed("FLR of " + function.address(), e.toString());
        }
    }

    /** Makes {@code event} happen through the rig (NOT_TESTED without the action that injects it). */
    public void inject(DeviceEvent event) {
        DeviceControl control = control(DeviceControl.Action.of(event));
        try {
            control.inject(event);
        } catch (IOException e) {
            throw Setup.failed("inject " + event, e.toString());
        }
    }

    /** Hands the session or the connection on, or ends the session, and gives the device back. */
    @Override
    public void close() throws IOException {
        if (device == null) {
            return;
        }
        try {
            rememberUnlocked();
            if (handsOn()) {
                KeptSession.keep(new KeptSession.Kept(Devices.source(), switchable, connection, session,
                        prepared, keyedStreams));
            } else {
                if (session != null && session.isOpen()) {
                    session.end();
                }
                if (handsOnConnection()) {
                    KeptSession.keep(new KeptSession.Kept(Devices.source(), switchable, connection, null, false,
                            new HashSet<>()));
                }
            }
        } finally {
            DeviceUnderTest view = device;
            device = null;
            mailbox = null;
            view.close();
        }
    }

    /** What the next test may take as known of the TDIs ({@link UnlockedTdis}). */
    private void rememberUnlocked() {
        // a request still in flight (a test abandoned at its timeout) may yet move a TDI the kit did not see
        if (stateUnknown || Devices.source().fresh() || switchable != null && switchable.busy()) {
            UnlockedTdis.forget();
            return;
        }
        Set<PciAddress> unlocked = new HashSet<>(unlockedAtSetup.isEmpty() ? UnlockedTdis.of(Devices.source())
                : unlockedAtSetup);
        unlocked.removeAll(moved);
        UnlockedTdis.know(Devices.source(), unlocked);
    }

    /** Gives this test's view of the device back; the next {@link #device()} opens a new one. */
    private void closeView() {
        try {
            device.close();
        } catch (IOException e) {
            // the view of a shared device closes its test's share only; nothing to give back
        } finally {
            device = null;
            mailbox = null;
        }
    }

    @Override
    public String toString() {
        TopologyRequest topology = topology();
        return "device (" + Devices.source().describe() + ", " + topology.functionsPerDsm() + " PF"
                + (topology.vfsPerDsm() > 0 ? " " + topology.vfsPerDsm() + " VF" : "") + ")";
    }

    /** The reset contract of a shared device: every TDI {@code checked} names STOPped back to CONFIG_UNLOCKED. */
    private void resetTdis(Predicate<PciFunction> checked) {
        for (PciFunction function : functions.stream().filter(checked).toList()) {
            TdispClient tdisp = tdisp(function);
            if (tdisp.state() != TdiState.CONFIG_UNLOCKED) {
                tdisp.send(HeaderOnlyMessage.stop(tdisp.header()));
                TdiState state = tdisp.state();
                if (state != TdiState.CONFIG_UNLOCKED) {
                    throw Setup.failed("return " + function.address() + " to CONFIG_UNLOCKED before the test (reset"
                            + " contract)", "after STOP_INTERFACE_REQUEST the device reports " + state);
                }
            }
        }
    }

    /**
     * KEY_PROG of fresh K0 keys for every sub-stream of {@code stream} over the kit's session, then
     * K_SET_GO for each; a refusal fails the test as a set-up failure.
     */
    public void programStream(int stream) {
        keysChanged();
        programStream(tdisp(pf0()), stream, lane -> true);
    }

    /**
     * {@link #programStream(int)} over {@code other}, a session the kit opened besides its own: the kit's session
     * goes on to the next test unless {@code stream} is the kit's ({@link #ideKmSent}).
     */
    public void programStream(int stream, SpdmSession other) {
        programStream(tdisp(pf0(), other), stream, lane -> true);
    }

    /**
     * A TDISP and IDE_KM client of {@code function} over {@code other}, a session the kit opened besides
     * its own; IDE_KM sent over it ends the kit's session only when it names the kit's stream.
     */
    public TdispClient tdisp(PciFunction function, SpdmSession other) {
        return client(() -> Optional.of(other), () -> SpdmChannel.secured(new SpdmSessionId(other.sessionId())),
                function);
    }

    /**
     * {@link #programStream(int)} but for {@code missing}: that one sub-stream gets no key and no K_SET_GO. The
     * kit's session goes on to the next test unless {@code stream} is the kit's ({@link #ideKmSent}); a test
     * that needs the other sub-streams alone keyed asks {@link #unkeyedStream()} for the stream.
     */
    public void programStreamWithout(int stream, KeySubStream missing) {
        programStream(tdisp(pf0()), stream, lane -> !lane.equals(missing));
    }

    private void programStream(TdispClient link, int stream, Predicate<KeySubStream> keyed) {
        List<KeySubStream> lanes = KeySubStream.of(KeySubStream.KeySet.K0).stream().filter(keyed).toList();
        for (KeySubStream lane : lanes) {
            IdeKmAnswer ack = link.ideKm(new KeyProg(stream, lane, 0, bytes(KeyProg.KEY_LENGTH),
                    bytes(KeyProg.IFV_LENGTH)));
            if (!ack.message().equals(Optional.of(new KpAck(stream, KpAckStatus.SUCCESS, lane, 0)))) {
                throw Setup.failed("KEY_PROG stream " + stream + " " + lane, "expected KP_ACK SUCCESS naming it, got "
                        + ack);
            }
        }
        for (KeySubStream lane : lanes) {
            IdeKmAnswer ack = link.ideKm(new KeySetCommand(IdeKmObjectId.K_SET_GO, stream, lane, 0));
            if (ack.message().isEmpty()) {
                throw Setup.failed("K_SET_GO stream " + stream + " " + lane, "expected K_GOSTOP_ACK, got " + ack);
            }
        }
    }

    private ByteString bytes(int size) {
        byte[] bytes = new byte[size];
        keys.nextBytes(bytes);
        return ByteString.of(bytes);
    }

    private SecureRandom random() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(keys.nextLong());
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA1PRNG", e);
        }
    }

    private static <T> T require(SessionResult<T> result, String step) {
        if (result instanceof SessionResult.Failed<T> failed) {
            throw Setup.failed(step, failed.error().toString());
        }
        return result.orElseThrow();
    }
}
