package io.tsmtck.emu.device;

import io.tsmtck.api.device.DeviceEvent;
import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.device.SpdmChannel;
import io.tsmtck.api.device.SpdmSessionId;
import io.tsmtck.api.spdm.ProtocolId;
import io.tsmtck.api.spdm.VendorDefinedMessage;
import io.tsmtck.api.spdm.algorithm.AsymAlgorithm;
import io.tsmtck.api.tdisp.LockFlag;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.Dsm;
import io.tsmtck.api.topology.FunctionRole;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.vfio.ConfigRegister;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.emu.faults.Fault;
import io.tsmtck.emu.spdm.DeviceIdentity;
import io.tsmtck.emu.spdm.DoeConfigSpace;
import io.tsmtck.emu.spdm.InProcessMailbox;
import io.tsmtck.emu.spdm.ResponderConfig;
import io.tsmtck.emu.spdm.SessionApplication;
import io.tsmtck.emu.spdm.SpdmResponder;
import io.tsmtck.emu.stack.EmuContext;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An emulated TDISP-capable PCIe device: its functions (PF0 is the DSM, then other PFs and VFs),
 * their config space, the DOE mailbox with its SPDM responder (sessions, IDE_KM, TDISP), and how
 * the device reacts to what happens to it (config writes, FLR, IDE stream and session loss,
 * resets), which is where TDIs go to ERROR (PCIe Base 6.x 11.4.1).
 *
 * <p>Threading: every method is {@code synchronized}: the device is one mailbox and one state
 * machine, as real hardware serialises DOE exchanges.
 */
public final class EmuDevice implements DeviceResponder {

    private static final byte[] SPDM_ERROR_INVALID_REQUEST = {0x12, 0x7F, 0x01, 0x00};

    /** The Device Control fields whose change §11.4.1 sends a locked TDI to ERROR (FLR is handled apart). */
    private static final int LOCKED_DEVICE_CONTROL = ConfigRegister.DEVICE_CONTROL_EXTENDED_TAG
            | ConfigRegister.DEVICE_CONTROL_PHANTOM_FUNCTIONS | ConfigRegister.DEVICE_CONTROL_NO_SNOOP;

    /** Changes deferred to the next state read: fault-only state (TSM_BIND_STARTS_INTERFACE_LATER sets it). */
    private final Map<PciAddress, Runnable> afterRead = new HashMap<>();
    private final Dsm dsm;
    private final Map<PciAddress, EmuFunction> functions;
    private final EmuContext context;
    private final SessionTable sessions;
    private final IdeKeyTable keys;
    private final IdeKmResponder ideKm;
    private final TdispResponder tdisp;
    private SpdmResponder spdm;

    /**
     * A device with the functions of {@code dsm}, whose BARs sit at {@code barBases} (per function,
     * per BAR index).
     */
    public EmuDevice(Dsm dsm, Map<PciAddress, long[]> barBases, DeviceFeatures features, EmuContext context) {
        this.dsm = dsm;
        this.context = context;
        this.functions = dsm.functions().stream().collect(Collectors.toMap(f -> f.address(),
                f -> new EmuFunction(f, barBases.get(f.address())), (a, b) -> a, LinkedHashMap::new));
        this.sessions = new SessionTable(context::randomU32);
        this.keys = new IdeKeyTable(context.faults());
        this.ideKm = new IdeKmResponder(dsm.address(), keys, context, this::streamInsecure);
        this.tdisp = new TdispResponder(new ArrayList<>(functions.values()), keys, features, context);
    }

    /**
     * The device's DOE mailbox with its SPDM responder (both test identities, every algorithm the kit
     * implements): TDISP and IDE_KM are answered only inside a session the responder authenticated,
     * and a session's end is the device's (its locked TDIs go to ERROR). One responder per device, so
     * every mailbox shares its connection state, as one DOE instance does.
     */
    public synchronized DoeMailbox doeMailbox() {
        return new InProcessMailbox(spdm());
    }

    /**
     * The DSM function's extended configuration space with its DOE capability in front of the same
     * responder as {@link #doeMailbox()}, for a requester that drives the mailbox registers.
     */
    public synchronized DoeConfigSpace doeConfigSpace() {
        return new DoeConfigSpace(spdm(), 0, 1 << 16);
    }

    private SpdmResponder spdm() {
        if (spdm == null) {
            List<DeviceIdentity> identities = List.of(DeviceIdentity.builtIn(AsymAlgorithm.ECDSA_P256),
                    DeviceIdentity.builtIn(AsymAlgorithm.ECDSA_P384));
            spdm = new SpdmResponder(ResponderConfig.standard().withFaults(context.faults()), identities,
                    new SpdmApplication(), seededRandom());
        }
        return spdm;
    }

    /**
     * The responder's randomness (session ids, nonces, ephemeral keys), drawn from the device's seed
     * so that a run replays with its seed; test values, as the identities are.
     */
    private SecureRandom seededRandom() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(context.randomU32() << 32 | context.randomU32());
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA1PRNG", e);
        }
    }

    /** The SPDM responder behind {@link #doeMailbox()}, for a server that carries its DOE objects. */
    public synchronized SpdmResponder responder() {
        return spdm();
    }

    /** The DSM's address. */
    public PciAddress address() {
        return dsm.address();
    }

    @Override
    public synchronized Optional<ByteString> exchange(SpdmChannel channel, ByteString spdmMessage) {
        DecodeResult<VendorDefinedMessage> decoded = VendorDefinedMessage.decode(spdmMessage);
        if (!decoded.isDecoded() || !decoded.orElseThrow().request()) {
            return Optional.of(ByteString.of(SPDM_ERROR_INVALID_REQUEST));
        }
        VendorDefinedMessage request = decoded.orElseThrow();
        Optional<SpdmSessionId> session = sessionOf(channel, request.protocol());
        if (session.isEmpty()) {
            return Optional.empty(); // 11.2.2: outside a secured session, no response at all
        }
        Optional<ByteString> body = request.protocol() == ProtocolId.TDISP
                ? Optional.of(tdisp.handle(session.get(), request.body()))
                : ideKm.handle(session.get(), request.body());
        return body.map(bytes -> new VendorDefinedMessage(request.spdmVersion(), false, 0, 0, request.protocol(),
                bytes).encode());
    }

    /** What the SPDM responder hands up: VENDOR_DEFINED requests and session starts and ends. */
    private final class SpdmApplication implements SessionApplication {
        @Override
        public Optional<ByteString> vendorDefined(Optional<SpdmSessionId> session, ByteString request) {
            return exchange(session.map(SpdmChannel::secured).orElse(SpdmChannel.plaintext()), request);
        }

        @Override
        public void sessionEstablished(SpdmSessionId session) {
            synchronized (EmuDevice.this) {
                sessions.register(session);
            }
        }

        @Override
        public void sessionEnded(SpdmSessionId session) {
            endSession(session);
        }
    }

    private Optional<SpdmSessionId> sessionOf(SpdmChannel channel, ProtocolId protocol) {
        if (channel instanceof SpdmChannel.Secured secured) {
            return sessions.isActive(secured.session()) ? Optional.of(secured.session()) : Optional.empty();
        }
        // the defects: a message outside a secured session answered as if session 0 carried it
        if (context.faults().inject(Fault.SPDM_VENDOR_BEFORE_NEGOTIATION, spdm != null && !spdm.isNegotiated())) {
            return Optional.of(new SpdmSessionId(0));
        }
        if (context.faults().inject(Fault.TDISP_PLAINTEXT_ANSWERED, protocol == ProtocolId.TDISP)) {
            return Optional.of(new SpdmSessionId(0));
        }
        if (context.faults().inject(Fault.IDEKM_PLAINTEXT_ANSWERED, protocol != ProtocolId.TDISP)) {
            return Optional.of(new SpdmSessionId(0));
        }
        return Optional.empty();
    }

    /**
     * Everything TDISP and IDE_KM requests can change on this device (each TDI's state, nonce, lock,
     * P2P streams; the IDE key slots), for tests that check a refused request changed nothing.
     */
    public synchronized String stateDigest() {
        StringBuilder digest = new StringBuilder();
        functions.forEach((address, function) -> digest.append(address).append(": ")
                .append(function.tdi().describe()).append('\n'));
        return digest.append("keys: ").append(keys.describe()).toString();
    }

    /**
     * The state of {@code address}'s TDI, read from the model: the side channel an emulator has. A
     * change {@link #afterNextRead deferred} to this read happens once the state is read.
     */
    public synchronized TdiState tdiState(PciAddress address) {
        TdiState state = function(address).tdi().state();
        Runnable later = afterRead.remove(address);
        if (later != null) {
            later.run();
        }
        return state;
    }

    /**
     * Runs {@code change} just after the next read of {@code address}'s TDI state: a change that
     * comes later than the call that caused it (an asynchronous step), seen by a watch and missed
     * by a single look.
     */
    public synchronized void afterNextRead(PciAddress address, Runnable change) {
        afterRead.put(address, change);
    }

    /** SPDM KEY_EXCHANGE/FINISH from the TSM: a new secured session. */
    public synchronized SpdmSessionId establishSession() {
        return sessions.establish();
    }

    /**
     * Ends a session (END_SESSION, or its loss): the IDE keys programmed over it are forgotten,
     * their streams stop being Secure, and TDIs locked over it go to ERROR.
     */
    public synchronized void endSession(SpdmSessionId session) {
        sessions.end(session);
        if (context.faults().inject(Fault.TDISP_SESSION_END_NO_ERROR)) {
            return;
        }
        for (EmuFunction function : functions.values()) {
            if (context.faults().value(Fault.TDISP_ANY_SESSION_END_ERRORS,
                    function.tdi().lockSession().equals(Optional.of(session)), true)) {
                function.tdi().fail();
            }
        }
        keys.dropSession(session).forEach(this::streamInsecure);
    }

    /** Whether the IDE stream is Secure. */
    public synchronized boolean isStreamSecure(int stream) {
        return ideKm.isSecure(stream);
    }

    /** Reads a config register of a function. */
    public synchronized int readConfig(PciAddress address, ConfigRegister register) {
        return function(address).config().read(register);
    }

    /** Whether a function has a config register (an extended capability's only with the capability). */
    public synchronized boolean hasConfig(PciAddress address, ConfigRegister register) {
        return function(address).config().has(register);
    }

    /**
     * Writes a config register of a function, as the device sees it: a write that changes the
     * configuration a TDI was locked with sends that TDI to ERROR; Initiate FLR resets the function.
     */
    public synchronized void writeConfig(PciAddress address, ConfigRegister register, int value) {
        EmuFunction function = function(address);
        int old = function.config().read(register);
        function.config().write(register, value);
        if (register == ConfigRegister.DEVICE_CONTROL && context.faults().check(Fault.TDISP_FLR_BIT_IGNORED,
                (value & ConfigRegister.DEVICE_CONTROL_INITIATE_FLR) != 0)) {
            functionLevelReset(function);
            return;
        }
        if (function.tdi().isLockedOrRunning() && breaksLock(function, register, old, value)) {
            function.tdi().fail();
        }
    }

    /**
     * A secondary bus reset as pci_reset_bus() does it for VFIO_DEVICE_PCI_HOT_RESET: each function's
     * configuration saved, the conventional reset (every TDI to CONFIG_UNLOCKED), the configuration put back
     * (pci_restore_state()), which a TDI in CONFIG_UNLOCKED takes without effect.
     */
    public synchronized void secondaryBusReset() {
        Map<EmuFunction, Map<ConfigRegister, Integer>> saved = new LinkedHashMap<>();
        for (EmuFunction function : functions.values()) {
            Map<ConfigRegister, Integer> registers = new EnumMap<>(ConfigRegister.class);
            for (ConfigRegister register : ConfigRegister.values()) {
                if (function.config().has(register)) {
                    registers.put(register, function.config().read(register));
                }
            }
            saved.put(function, registers);
        }
        conventionalReset();
        saved.forEach((function, registers) -> registers.forEach(function.config()::write));
    }

    /** A function-level reset (FLR); a PF0 FLR reaches its VFs. */
    public synchronized void functionLevelReset(PciAddress address) {
        functionLevelReset(function(address));
    }

    private void functionLevelReset(EmuFunction function) {
        List<EmuFunction> hit = new ArrayList<>();
        hit.add(function);
        if (context.faults().check(Fault.TDISP_PF_FLR_SPARES_VFS, function.info().role() == FunctionRole.DSM)) {
            functions.values().stream().filter(this::resetWithPf0).forEach(hit::add);
        }
        for (EmuFunction target : hit) {
            target.config().resetFunction();
            if (context.faults().inject(Fault.TDISP_FLR_ERRORS_UNLOCKED)) {
                target.tdi().failAnyState();
            } else {
                context.faults().step(Fault.TDISP_FLR_NO_ERROR, target.tdi()::fail);
            }
        }
    }

    /** Whether an FLR of PF0 reaches {@code function}: its VFs do. */
    private boolean resetWithPf0(EmuFunction function) {
        return context.faults().value(Fault.TDISP_PF_FLR_HITS_OTHER_PFS, function.info().role() == FunctionRole.VF,
                function.info().role() != FunctionRole.DSM);
    }

    private boolean breaksLock(EmuFunction function, ConfigRegister register, int old, int value) {
        if (context.faults().inject(Fault.TDISP_REWRITE_ERRORS, register == ConfigRegister.COMMAND
                || register == ConfigRegister.DEVICE_CONTROL)) {
            return true; // the defect: a write of the value already there breaks the lock too
        }
        return switch (register) {
            case COMMAND -> context.faults().check(Fault.TDISP_MSE_CLEAR_NO_ERROR,
                    cleared(old, value, ConfigRegister.COMMAND_MEMORY_SPACE))
                    || context.faults().check(Fault.TDISP_BME_CLEAR_NO_ERROR,
                    cleared(old, value, ConfigRegister.COMMAND_BUS_MASTER));
            case BAR0, BAR1, BAR2, BAR3, BAR4, BAR5 -> context.faults().check(Fault.TDISP_BAR_WRITE_NO_ERROR, true);
            case EXPANSION_ROM -> context.faults().check(Fault.TDISP_ROM_WRITE_NO_ERROR, true);
            case BIST -> context.faults().check(Fault.TDISP_BIST_WRITE_NO_ERROR, true);
            case DEVICE_CONTROL -> context.faults().check(Fault.TDISP_DEVCTL_CHANGE_NO_ERROR,
                    ((old ^ value) & LOCKED_DEVICE_CONTROL) != 0);
            case MSIX_MESSAGE_CONTROL -> context.faults().check(Fault.TDISP_MSIX_CHANGE_NO_ERROR,
                    old != value && (function.tdi().lock().orElseThrow().flags() & LockFlag.LOCK_MSIX.mask()) != 0);
            case CACHE_LINE_SIZE -> context.faults().inject(Fault.TDISP_ALLOWED_WRITE_ERRORS);
            case STATUS -> context.faults().inject(Fault.TDISP_STATUS_CLEAR_ERRORS);
            case LINK_CONTROL -> context.faults().inject(Fault.TDISP_LINK_CONTROL_WRITE_ERRORS);
            case DEVICE_CAPABILITIES -> false; // read-only
            // §11.4.1: changes to Resizable BAR, ARI, PASID, SR-IOV and similar capabilities
            case RESIZABLE_BAR_CONTROL, ARI_CONTROL, PASID_CONTROL ->
                    context.faults().check(Fault.TDISP_CAPABILITY_CHANGE_NO_ERROR, old != value);
            case SRIOV_CONTROL -> context.faults().check(Fault.TDISP_SRIOV_CHANGE_NO_ERROR,
                    context.faults().check(Fault.TDISP_CAPABILITY_CHANGE_NO_ERROR, old != value));
        };
    }

    private static boolean cleared(int old, int value, int bit) {
        return (old & bit) != 0 && (value & bit) == 0;
    }

    /** Applies a device event (PCIe Base 6.x 11.4.1 ERROR triggers, conventional reset). */
    public synchronized void apply(DeviceEvent event) {
        if (event instanceof DeviceEvent.IdeStreamInsecure insecure) {
            keys.stopStream(insecure.streamId());
            streamInsecure(insecure.streamId());
        } else if (event instanceof DeviceEvent.ConventionalReset) {
            conventionalReset();
        } else if (event instanceof DeviceEvent.PowerStateLoss) {
            context.faults().step(Fault.TDISP_POWER_LOSS_NO_ERROR, function(event.target()).tdi()::fail);
            function(event.target()).config().resetFunction();
        } else if (event instanceof DeviceEvent.PoisonedTlp) {
            context.faults().step(Fault.TDISP_POISON_NO_ERROR, function(event.target()).tdi()::fail);
        }
    }

    /**
     * A conventional reset: every TDI back to CONFIG_UNLOCKED and every function's config cleared.
     * The emulation keeps the SPDM session across it (hardware loses it), so that the kit can still
     * read the device's state afterwards.
     */
    private void conventionalReset() {
        if (context.faults().inject(Fault.TDISP_RESET_KEEPS_STATE)) {
            return;
        }
        for (EmuFunction function : functions.values()) {
            function.tdi().reset();
            function.config().resetFunction();
        }
    }

    private void streamInsecure(int stream) {
        if (context.faults().inject(Fault.TDISP_STREAM_INSECURE_NO_ERROR)) {
            return;
        }
        for (EmuFunction function : functions.values()) {
            Tdi tdi = function.tdi();
            if (tdi.isLockedOrRunning() && tdi.lock().orElseThrow().defaultStreamId() == stream) {
                tdi.fail();
            }
        }
    }

    private EmuFunction function(PciAddress address) {
        EmuFunction function = functions.get(address);
        if (function == null) {
            throw new IllegalArgumentException(address + " is not a function of the device at " + dsm.address());
        }
        return function;
    }
}
