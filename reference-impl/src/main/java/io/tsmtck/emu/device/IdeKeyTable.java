package io.tsmtck.emu.device;

import io.tsmtck.api.device.SpdmSessionId;
import io.tsmtck.api.idekm.KeySubStream.Direction;
import io.tsmtck.api.idekm.KeySubStream.KeySet;
import io.tsmtck.api.idekm.KeySubStream.SubStream;
import io.tsmtck.api.idekm.KeySubStream;
import io.tsmtck.emu.faults.Fault;
import io.tsmtck.emu.faults.FaultPlan;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The device's IDE keys: which key slots (stream, direction, sub-stream, key set) were programmed
 * over which SPDM session, and which key set each (stream, direction, sub-stream) is using. A
 * stream is Secure when all six of its (direction, sub-stream) pairs have a started key set.
 *
 * <p>Threading: guarded by the owning device's lock.
 */
final class IdeKeyTable {

    /** One (direction, sub-stream) of a stream. */
    record Lane(int stream, Direction direction, SubStream subStream) {
    }

    /** One key slot. */
    record Slot(Lane lane, KeySet keySet) {
        static Slot of(int stream, KeySubStream kss) {
            return new Slot(new Lane(stream, kss.direction(), kss.subStream()), kss.keySet());
        }
    }

    private final Map<Slot, SpdmSessionId> programmed = new HashMap<>();
    private final Map<Lane, KeySet> started = new HashMap<>();
    private final FaultPlan faults;

    IdeKeyTable(FaultPlan faults) {
        this.faults = faults;
    }

    /** The programmed slots and started lanes, in a stable order. */
    String describe() {
        return "programmed " + new TreeMap<>(programmed.entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().toString(), e -> e.getValue().toString()))) + " started "
                + new TreeMap<>(started.entrySet().stream().collect(Collectors.toMap(
                        e -> e.getKey().toString(), e -> e.getValue().toString())));
    }

    void program(int stream, KeySubStream kss, SpdmSessionId session) {
        programmed.put(Slot.of(stream, kss), session);
    }

    /** Whether a session other than {@code session} programmed a key of either key set on the slot's lane. */
    boolean keyedByAnother(int stream, KeySubStream kss, SpdmSessionId session) {
        Lane lane = Slot.of(stream, kss).lane();
        for (KeySet set : KeySet.values()) {
            SpdmSessionId by = programmed.get(new Slot(lane, set));
            if (by != null && !by.equals(session)) {
                return true;
            }
        }
        return false;
    }

    /** Starts the slot's key set on its lane; false if the slot has no key. */
    boolean go(int stream, KeySubStream kss) {
        Slot slot = Slot.of(stream, kss);
        if (!programmed.containsKey(slot)) {
            return false;
        }
        started.put(slot.lane(), slot.keySet());
        return true;
    }

    /** Stops the slot's key set; false if it was not the started one. */
    boolean stop(int stream, KeySubStream kss) {
        Slot slot = Slot.of(stream, kss);
        return started.remove(slot.lane(), slot.keySet());
    }

    /** Whether the stream is Secure: all six lanes started (or, if {@code anyLane}, at least one). */
    boolean isSecure(int stream, boolean anyLane) {
        int lanes = 0;
        for (Lane lane : lanesOf(stream)) {
            lanes += started.containsKey(lane) ? 1 : 0;
        }
        return anyLane ? lanes > 0 : lanes == 6;
    }

    /**
     * Whether every lane of the stream has a key programmed; over {@code session} unless
     * {@code session} is empty.
     */
    boolean keysProgrammed(int stream, Optional<SpdmSessionId> session) {
        Set<Lane> lanes = lanesOf(stream);
        int keyed = 0;
        for (Lane lane : lanes) {
            boolean found = false;
            for (KeySet set : KeySet.values()) {
                SpdmSessionId by = programmed.get(new Slot(lane, set));
                found |= by != null && (session.isEmpty() || Objects.equals(by, session.get()));
            }
            keyed += found ? 1 : 0;
        }
        if (faults.inject(Fault.IDE_KEYS_ONE_LANE_ENOUGH)) {
            return keyed > 0; // the defect: one keyed sub-stream taken for the whole stream
        }
        return keyed == lanes.size();
    }

    /** Forgets the keys of {@code session}; returns the streams that had a started key among them. */
    Set<Integer> dropSession(SpdmSessionId session) {
        if (faults.inject(Fault.IDEKM_SESSION_END_FORGETS_EVERY_KEY)) {
            programmed.replaceAll((slot, by) -> session); // the defect: every session's keys go with this one
        }
        Set<Integer> affected = new HashSet<>();
        programmed.entrySet().removeIf(entry -> {
            if (!entry.getValue().equals(session)) {
                return false;
            }
            Slot slot = entry.getKey();
            if (started.remove(slot.lane(), slot.keySet())) {
                affected.add(slot.lane().stream());
            }
            return true;
        });
        return affected;
    }

    /** Stops every key of the stream (the stream leaves the Secure state). */
    void stopStream(int stream) {
        started.keySet().removeIf(lane -> lane.stream() == stream);
    }

    private static Set<Lane> lanesOf(int stream) {
        Set<Lane> lanes = new HashSet<>();
        for (Direction direction : Direction.values()) {
            for (SubStream sub : SubStream.values()) {
                lanes.add(new Lane(stream, direction, sub));
            }
        }
        return lanes;
    }
}
