package io.tsmtck.emu.host.tsm;

import io.tsmtck.api.device.SpdmSessionId;
import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.topology.Dsm;
import io.tsmtck.api.topology.IdeStream;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.Topology;
import io.tsmtck.api.tsm.GuestRequest;
import io.tsmtck.api.tsm.GuestRequestScope;
import io.tsmtck.api.tsm.GuestResponse;
import io.tsmtck.api.tsm.TsmContextState;
import io.tsmtck.api.tsm.TsmCore;
import io.tsmtck.api.tsm.TsmFunctionOps;
import io.tsmtck.api.tsm.TsmLifecycle;
import io.tsmtck.api.vm.Vm;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.emu.device.EmuDevice;
import io.tsmtck.emu.faults.Fault;
import io.tsmtck.emu.faults.ResourceLedger.Kind;
import io.tsmtck.emu.host.kvm.EmuKvm;
import io.tsmtck.emu.host.kvm.VmObject;
import io.tsmtck.emu.stack.EmuContext;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulated PCI/TSM core (drivers/pci/tsm.c): the generic half of connect, disconnect, bind,
 * unbind and guest requests, with the vendor half in a {@link TsmBackend}. Every operation on a DSM
 * runs under that DSM's lock; the lock is never held while calling into another DSM.
 */
public final class EmuTsmCore implements TsmCore, TsmFunctionOps {

    /**
     * What the kernel's {@code sscanf(buf, "tsm%d")} accepts: "tsm", optional white space, an optional
     * minus sign (vsscanf in lib/vsprintf.c takes no plus), digits, then anything.
     */
    private static final Pattern TSM_NAME = Pattern.compile("tsm\\s*(-?[0-9]+).*", Pattern.DOTALL);
    /** {@link #TSM_NAME} with the sign Java's Integer.parseInt also takes: {@link Fault#TSM_CONNECT_PLUS_SIGN}. */
    private static final Pattern TSM_NAME_ANY_SIGN = Pattern.compile("tsm\\s*([+-]?[0-9]+).*", Pattern.DOTALL);
    /** The selective IDE stream id the core gives each DSM's link. */
    static final int STREAM_ID = 1;

    private final List<String> tsmDevices;
    private final TsmRegistry registry;
    private final Predicate<PciAddress> present;
    private final Map<PciAddress, DsmContext> dsms;
    private final Map<String, HostBridge> hostBridges;
    private final TsmBackend backend;
    private final EmuContext context;
    /** Functions bound at least once: only the TSM_BOUND_STALE fault reads it. */
    private final Set<PciAddress> everBound = ConcurrentHashMap.newKeySet();
    private final Set<String> departed = ConcurrentHashMap.newKeySet();

    /** Secure IDE streams each emulated host bridge offers. */
    static final int STREAMS_PER_HOST_BRIDGE = 4;

    /**
     * A core over {@code devices} (one per DSM of {@code topology}), each DSM below its own host
     * bridge, with {@code backend} as its TSM.
     */
    public EmuTsmCore(Topology topology, Map<PciAddress, EmuDevice> devices, TsmBackend backend, EmuContext context,
                      Predicate<PciAddress> present) {
        this.present = present;
        this.tsmDevices = topology.tsmDevices();
        this.registry = new TsmRegistry(tsmDevices, this::tearDown);
        Map<PciAddress, DsmContext> byDsm = new LinkedHashMap<>();
        Map<String, HostBridge> bridges = new LinkedHashMap<>();
        for (Dsm dsm : topology.dsms()) {
            HostBridge bridge = bridges.computeIfAbsent(dsm.hostBridge(),
                    name -> new HostBridge(name, STREAMS_PER_HOST_BRIDGE));
            byDsm.put(dsm.address(), new DsmContext(dsm, devices.get(dsm.address()), bridge));
        }
        this.dsms = Map.copyOf(byDsm);
        this.hostBridges = Map.copyOf(bridges);
        this.backend = backend;
        this.context = context;
    }

    @Override
    public Result<Done> connect(PciAddress dsm, String written) {
        Matcher parsed = context.faults().value(Fault.TSM_CONNECT_PLUS_SIGN, TSM_NAME, TSM_NAME_ANY_SIGN)
                .matcher(written);
        if (context.faults().check(Fault.TSM_CONNECT_BAD_NAME, !parsed.matches())) {
            return Result.refused(Errno.EINVAL, "'" + written + "' does not start with tsmN");
        }
        String tsmName = lookedUp(parsed, written);
        if (attributesHidden()) {
            return Result.refused(Errno.ENOENT, "no link TSM is registered: " + dsm + " shows no tsm/connect");
        }
        Optional<DsmContext> found = presentDsm(dsm);
        if (found.isEmpty()) {
            return Result.refused(Errno.ENOENT, dsm + " is not a DSM that is present: it has no tsm/connect attribute");
        }
        DsmContext d = found.get();
        return locked(d, () -> {
            if (d.connected()) {
                return context.faults().value(Fault.TSM_CONNECT_TWICE,
                        Result.refused(Errno.EBUSY, dsm + " is already connected to " + d.tsm.get()), Result.done());
            }
            if (context.faults().inject(Fault.TSM_ONE_DSM_AT_A_TIME,
                    dsms.values().stream().anyMatch(other -> other != d && other.connected()))) {
                return Result.refused(Errno.EBUSY, "another DSM is connected");
            }
            if (!registry.isRegistered(tsmName)) {
                if (context.faults().inject(Fault.TSM_CONNECT_BAD_NAME)) {
                    return connectLocked(d, tsmDevices.get(0));
                }
                if (context.faults().inject(Fault.TSM_REFUSED_CONNECT_TAKES_STREAM)) {
                    d.hostBridge.take();
                }
                return Result.refused(Errno.ENXIO, "no TSM named " + tsmName);
            }
            return connectLocked(d, tsmName);
        });
    }

    /**
     * The TSM the kernel looks up: tsm followed by the number sscanf read (a name it cannot read gets
     * this far only under TSM_CONNECT_BAD_NAME, and is looked up as written).
     */
    private String lookedUp(Matcher parsed, String written) {
        if (context.faults().inject(Fault.TSM_CONNECT_NAME_EXACT)) {
            return written;
        }
        return parsed.matches() ? "tsm" + new BigInteger(parsed.group(1)) : written;
    }

    private Result<Done> connectLocked(DsmContext d, String tsmName) {
        Result<SpdmSessionId> session = context.ledger().allocate(Kind.SPDM_SESSION,
                () -> Result.ok(d.device.establishSession()));
        if (!session.isOk()) {
            return session.map(s -> Done.DONE);
        }
        d.session = session.asOptional();
        Result<Done> stream = context.ledger().allocate(Kind.IDE_STREAM, () -> takeStream(d));
        if (!stream.isOk()) {
            endSession(d);
            return stream;
        }
        d.stream = Optional.of(new IdeStream(STREAM_ID, d.dsm.address(), false));
        Result<Done> keys = context.ledger().step("IDE key programming").flatMap(ok -> backend.connect(d.link(),
                STREAM_ID));
        if (!keys.isOk()) {
            context.faults().step(Fault.TSM_FAILED_CONNECT_KEEPS_STREAM, () -> releaseStream(d));
            endSession(d);
            return keys;
        }
        d.tsm = Optional.of(tsmName);
        for (PciFunction function : d.dsm.functions()) {
            if (present.test(function.address())) {
                probe(d, function);
            }
        }
        if (!d.contexts.containsKey(d.dsm.address())) {
            context.faults().step(Fault.TSM_FAILED_PROBE_KEEPS_CONNECT, () -> disconnectLocked(d));
            return Result.refused(Errno.ENXIO, "probe gave the DSM no context");
        }
        return Result.done();
    }

    private Result<Done> takeStream(DsmContext d) {
        if (context.faults().inject(Fault.TSM_STREAM_NOT_COUNTED)) {
            return Result.done();
        }
        return d.hostBridge.take() ? Result.done()
                : Result.refused(Errno.ENOSPC, d.hostBridge.name() + " has no secure IDE stream left");
    }

    /** The DSM {@code dsm} names, if it is one and present: only then has it tsm/connect and tsm/disconnect. */
    private Optional<DsmContext> presentDsm(PciAddress dsm) {
        return Optional.ofNullable(dsms.get(dsm))
                .filter(d -> !context.faults().check(Fault.TSM_REMOVED_DSM_CONNECTABLE, !present.test(dsm)));
    }

    /** With no link TSM registered the tsm/ group is hidden (pci_tsm_link_group_visible()). */
    private boolean attributesHidden() {
        return context.faults().check(Fault.TSM_ATTRIBUTES_WITHOUT_TSM, registry.noneRegistered());
    }

    @Override
    public Result<Done> disconnect(PciAddress dsm, String tsmName) {
        if (attributesHidden()) {
            return Result.refused(Errno.ENOENT, "no link TSM is registered: " + dsm + " shows no tsm/disconnect");
        }
        Optional<DsmContext> found = presentDsm(dsm);
        if (found.isEmpty()) {
            return Result.refused(Errno.ENOENT, dsm + " is not a DSM that is present: it has no tsm/disconnect"
                    + " attribute");
        }
        DsmContext d = found.get();
        return locked(d, () -> {
            if (!d.connected()) {
                return context.faults().value(Fault.TSM_DISCONNECT_NOT_CONNECTED,
                        Result.refused(Errno.ENXIO, dsm + " is not connected"), Result.done());
            }
            if (context.faults().check(Fault.TSM_DISCONNECT_WRONG_NAME_OK, !d.tsm.get().equals(tsmName))) {
                if (context.faults().inject(Fault.TSM_REFUSED_DISCONNECT_UNBINDS)) {
                    unbindAll(d);
                }
                return Result.refused(Errno.EINVAL, dsm + " is connected to " + d.tsm.get() + ", not " + tsmName);
            }
            disconnectLocked(d);
            return Result.done();
        });
    }

    /** Unbinds sub-functions in reverse order, then PF0; stops the stream; ends the session. */
    private void disconnectLocked(DsmContext d) {
        context.faults().step(Fault.TSM_DISCONNECT_KEEPS_BINDINGS, () -> unbindAll(d));
        backend.disconnect(d.link(), STREAM_ID);
        d.contexts.keySet().forEach(f -> context.ledger().free(Kind.TSM_CONTEXT));
        d.contexts.clear();
        releaseStream(d);
        endSession(d);
        d.tsm = Optional.empty();
    }

    /** Sub-functions in reverse order, then PF0. */
    private void unbindAll(DsmContext d) {
        List<PciAddress> order = new ArrayList<>(d.contexts.keySet());
        Collections.reverse(order);
        order.remove(d.dsm.address());
        if (context.faults().inject(Fault.TSM_DISCONNECT_UNBINDS_PF0_ONLY)) {
            order.clear();
        }
        order.add(d.dsm.address());
        order.stream().filter(d.contexts::containsKey).forEach(f -> unbindLocked(d, f));
    }

    private void releaseStream(DsmContext d) {
        context.faults().step(Fault.TSM_STREAM_NOT_COUNTED, d.hostBridge::giveBack);
        context.ledger().free(Kind.IDE_STREAM);
        d.stream = Optional.empty();
    }

    private void endSession(DsmContext d) {
        d.device.endSession(d.session.orElseThrow());
        context.ledger().free(Kind.SPDM_SESSION);
        d.session = Optional.empty();
    }

    @Override
    public Optional<String> connectedTsm(PciAddress function) {
        if (context.faults().inject(Fault.TSM_CONNECT_NOT_SHOWN)) {
            return Optional.empty();
        }
        return withFunction(function, d -> d.contexts.containsKey(function) ? d.tsm : Optional.<String>empty(),
                Optional.empty());
    }

    @Override
    public Optional<String> boundTsm(PciAddress function) {
        if (context.faults().inject(Fault.TSM_BOUND_NOT_SHOWN)) {
            return Optional.empty();
        }
        boolean stale = context.faults().inject(Fault.TSM_BOUND_STALE, everBound.contains(function));
        return withFunction(function, d -> d.contexts.getOrDefault(function, Optional.empty()).isPresent() || stale
                ? d.tsm : Optional.<String>empty(), Optional.empty());
    }

    @Override
    public List<String> tsmDevices() {
        if (context.faults().inject(Fault.TSM_REREGISTERED_NOT_LISTED)) {
            return registry.registered().stream().filter(name -> !departed.contains(name)).toList();
        }
        return registry.registered();
    }

    @Override
    public Optional<PciAddress> dsmOf(PciAddress function) {
        if (attributesHidden()) {
            return Optional.empty();
        }
        return withFunction(function, d -> {
            if (context.faults().check(Fault.TSM_DSM_SHOWN_WITHOUT_CONTEXT, !d.contexts.containsKey(function))) {
                return Optional.<PciAddress>empty();
            }
            return Optional.of(context.faults().value(Fault.TSM_DSM_NAMES_SELF, d.dsm.address(), function));
        }, Optional.empty());
    }

    @Override
    public Optional<TsmLifecycle> lifecycle() {
        return Optional.of(registry);
    }

    /** probe_fn(): a sub-function whose probe fails does not fail connect (pci_tsm_connect()). */
    private void probe(DsmContext d, PciFunction function) {
        if (backend.probes(function)) {
            context.ledger().allocate(Kind.TSM_CONTEXT, Result::done)
                    .asOptional().ifPresent(ok -> d.contexts.put(function.address(), Optional.empty()));
        }
    }

    /** pci_tsm_init() for a function added later (a VF enabled): probed if its DSM is connected. */
    public void functionAdded(PciAddress function) {
        withFunction(function, d -> {
            if (d.connected() && !d.contexts.containsKey(function)) {
                context.faults().step(Fault.TSM_NEW_VF_NOT_PROBED, () -> probe(d, d.function(function)));
            }
            return Result.done();
        }, Result.done());
    }

    /** pci_tsm_destroy() for a sub-function going away (a VF disabled): its context only. */
    public void functionRemoved(PciAddress function) {
        withFunction(function, d -> {
            if (context.faults().check(Fault.TSM_DISABLED_VF_KEEPS_CONTEXT, d.contexts.containsKey(function))) {
                unbindLocked(d, function);
                d.contexts.remove(function);
                context.ledger().free(Kind.TSM_CONTEXT);
            }
            if (context.faults().inject(Fault.TSM_VF_DISABLE_DISCONNECTS, d.connected())) {
                disconnectLocked(d);
            }
            return Result.done();
        }, Result.done());
    }

    /** pci_tsm_destroy() at the DSM's removal: its context is torn down as at disconnect. */
    public void deviceRemoved(PciAddress dsm) {
        DsmContext d = dsms.get(dsm);
        if (d != null) {
            context.faults().step(Fault.HOTPLUG_REMOVAL_KEEPS_CONTEXT, () -> disconnectIf(d, tsm -> true));
        }
    }

    /** pci_tsm_unregister(): every context the TSM holds is torn down (each DSM disconnected, TDIs first). */
    private void tearDown(String tsmName) {
        departed.add(tsmName);
        context.faults().step(Fault.TSM_UNREGISTER_KEEPS_CONTEXTS,
                () -> dsms.values().forEach(d -> disconnectIf(d, tsmName::equals)));
    }

    /** Disconnects {@code d} if it is connected to a TSM {@code tsm} accepts. */
    private void disconnectIf(DsmContext d, Predicate<String> tsm) {
        locked(d, () -> {
            if (d.connected() && tsm.test(d.tsm.get())) {
                disconnectLocked(d);
            }
            return Result.done();
        });
    }

    @Override
    public TsmContextState state(PciAddress function) {
        return withFunction(function, d -> !d.contexts.containsKey(function) ? TsmContextState.NONE
                : d.contexts.get(function).isPresent() ? TsmContextState.BOUND : TsmContextState.CONNECTED,
                TsmContextState.NONE);
    }

    @Override
    public int availableSecureStreams(String hostBridge) {
        HostBridge bridge = hostBridges.get(hostBridge);
        if (bridge == null) {
            throw new IllegalArgumentException("no host bridge " + hostBridge + "; known: " + hostBridges.keySet());
        }
        return bridge.available();
    }

    @Override
    public List<IdeStream> ideStreams(PciAddress dsm) {
        return withFunction(dsm, d -> d.stream.map(s -> List.of(new IdeStream(s.streamId(), s.dsm(),
                d.device.isStreamSecure(s.streamId())))).orElse(List.of()), List.of());
    }

    /** The TSM's SPDM session with {@code dsm}, while connected (the vendor back end's own). */
    public Optional<SpdmSessionId> session(PciAddress dsm) {
        return withFunction(dsm, d -> d.session, Optional.empty());
    }

    @Override
    public Optional<TsmFunctionOps> functionOps() {
        return Optional.of(this);
    }

    @Override
    public Result<Done> bind(PciAddress function, Optional<Vm> vm, long tdiId) {
        return bindVm(function, vm.flatMap(EmuKvm::objectOf), tdiId);
    }

    /** {@link #bind} with the VM object a vIOMMU holds. */
    public Result<Done> bindVm(PciAddress function, Optional<VmObject> vm, long tdiId) {
        return withFunction(function, d -> bindLocked(d, function, vm, tdiId),
                Result.refused(Errno.ENODEV, "no function " + function));
    }

    private Result<Done> bindLocked(DsmContext d, PciAddress function, Optional<VmObject> vm, long tdiId) {
        if (context.faults().check(Fault.TSM_BIND_WITHOUT_VM, vm.isEmpty())) {
            return Result.refused(Errno.EINVAL, "bind needs the VM: the secure world identifies the cVM by it");
        }
        if (!d.contexts.containsKey(function)) {
            return context.faults().value(Fault.TSM_BIND_NOT_CONNECTED,
                    Result.refused(Errno.EINVAL, function + " has no TSM context (not connected)"), Result.done());
        }
        Optional<Binding> existing = d.contexts.get(function);
        if (existing.isPresent()) {
            boolean sameVm = existing.get().vm().equals(vm);
            if (context.faults().inject(Fault.TSM_REBIND_SAME_VM_RELOCKS, sameVm)) {
                unbindLocked(d, function); // the defect: the same VM's TDI is stopped and locked again
            } else if (context.faults().check(Fault.TSM_REBIND_SAME_VM_CALLS_DRIVER, sameVm)) {
                return Result.done();
            } else if (context.faults().inject(Fault.TSM_BIND_OTHER_VM, !sameVm)) {
                unbindLocked(d, function); // the defect: the other VM's binding is replaced
            } else if (!sameVm) {
                if (context.faults().inject(Fault.TSM_BIND_OTHER_VM_UNBINDS_FIRST)) {
                    unbindLocked(d, function); // the defect: the refusal comes after the first VM's TDI was undone
                }
                return Result.refused(Errno.EBUSY, function + " is bound to another VM");
            }
        }
        if (context.faults().check(Fault.TSM_BIND_LEGACY_VM, vm.isPresent())) {
            Result<Done> accepted = backend.acceptsVm(vm.get().type());
            if (!accepted.isOk()) {
                return accepted;
            }
        }
        PciFunction info = d.function(function);
        Result<Done> bound = context.ledger().allocate(Kind.TDI, () -> vendorBind(d, info, tdiId).map(nonce -> {
            d.contexts.put(function, Optional.of(new Binding(vm.map(VmObject::get), tdiId, nonce)));
            everBound.add(function);
            if (context.faults().inject(Fault.TSM_BIND_STARTS_INTERFACE)) {
                TdispOps.start(d.link(), info, nonce);
            }
            if (context.faults().inject(Fault.TSM_BIND_STARTS_INTERFACE_LATER)) {
                d.device.afterNextRead(function, () -> TdispOps.start(d.link(), info, nonce));
            }
            return Done.DONE;
        }));
        if (context.faults().inject(Fault.TSM_FAILED_BIND_RECORDS_TDI, !bound.isOk())) {
            context.ledger().allocate(Kind.TDI, () -> {
                d.contexts.put(function, Optional.of(new Binding(Optional.empty(), tdiId, ByteString.zeros(32))));
                return Result.done();
            });
        }
        return bound;
    }

    private Result<ByteString> vendorBind(DsmContext d, PciFunction info, long tdiId) {
        if (context.faults().inject(Fault.TSM_BIND_INCOMPLETE)) {
            return Result.ok(ByteString.zeros(32));
        }
        return backend.bind(d.link(), info, STREAM_ID, tdiId);
    }

    @Override
    public Result<Done> unbind(PciAddress function) {
        return withFunction(function, d -> {
            if (d.contexts.getOrDefault(function, Optional.empty()).isEmpty()) {
                return context.faults().value(Fault.TSM_UNBIND_UNBOUND_REFUSED, Result.done(),
                        Result.refused(Errno.ENXIO, function + " is not bound"));
            }
            unbindLocked(d, function);
            return Result.done();
        }, Result.done());
    }

    private void unbindLocked(DsmContext d, PciAddress function) {
        Optional<Binding> binding = d.contexts.getOrDefault(function, Optional.empty());
        if (binding.isEmpty()) {
            return;
        }
        context.faults().step(Fault.TSM_UNBIND_LEAVES_LOCKED, () -> backend.unbind(d.link(), d.function(function)));
        if (context.faults().inject(Fault.TSM_UNBIND_KEEPS_BINDING)) {
            return;
        }
        context.faults().step(Fault.TSM_UNBIND_KEEPS_VM, () -> binding.get().vm().ifPresent(VmObject::put));
        d.contexts.put(function, Optional.empty());
        context.ledger().free(Kind.TDI);
    }

    /** {@code pci_tsm_guest_req()}, which the vdevice's TSM_REQ calls. */
    public Result<GuestResponse> guestRequest(PciAddress function, GuestRequest request) {
        if (context.faults().check(Fault.TSM_GUEST_SCOPE_NOT_CHECKED,
                request.scope().value() > GuestRequestScope.STATE_CHANGE.value())) {
            return Result.refused(Errno.EINVAL, "scope " + request.scope().value() + " is above STATE_CHANGE");
        }
        return withFunction(function, d -> {
            if (!d.contexts.containsKey(function)) {
                return Result.refused(Errno.ENXIO, function + " is not connected");
            }
            Optional<Binding> binding = d.contexts.get(function);
            if (context.faults().check(Fault.TSM_GUEST_UNBOUND_RELAYED, binding.isEmpty())) {
                return Result.refused(Errno.ENXIO, function + " is not bound");
            }
            PciFunction info = d.function(function);
            return backend.guestRequest(d.link(), info, binding, request);
        }, Result.refused(Errno.ENODEV, "no function " + function));
    }

    /** Runs {@code action} under the DSM lock of {@code function}'s DSM, or returns {@code absent}. */
    private <T> T withFunction(PciAddress function, Function<DsmContext, T> action, T absent) {
        for (DsmContext d : dsms.values()) {
            if (d.dsm.functions().stream().anyMatch(f -> f.address().equals(function))) {
                return locked(d, () -> action.apply(d));
            }
        }
        return absent;
    }

    private static <T> T locked(DsmContext d, Supplier<T> action) {
        d.lock.lock();
        try {
            return action.get();
        } finally {
            d.lock.unlock();
        }
    }
}
