package dev.gilscope.trace.export;

import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.LaneBuffer;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.ModeTrace;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Which lane was on which core when, for the "CPU cores" rows of an export.
 *
 * <p>A lane is on core C from each STATE or CORE event that saw it there until its next state change or
 * its next CORE event with another core, while it is in a state that occupies a CPU
 * ({@link #occupiesCore}); an unknown core (-1) places it nowhere.
 *
 * <p>Guarantees:
 * <ol>
 *   <li>Slices of one core never overlap (Perfetto drops slices of one track that overlap without
 *       nesting). Cores are sampled, so two lanes can claim one core at once; then the newer
 *       observation wins and the older slice ends where the newer begins.</li>
 *   <li>Slices of one core are visited in time order; memory is one cursor per lane and one pending
 *       slice per core, whatever the number of events.</li>
 * </ol>
 */
final class CoreView {

    private CoreView() {}

    @FunctionalInterface
    interface Visitor {
        void slice(int core, int laneIndex, LaneState state, long startNanos, long endNanos) throws IOException;
    }

    /** States in which a lane occupies a core ({@link LaneState#usesCpu()}): a lock waiter sleeps, off the core. */
    static boolean occupiesCore(LaneState state) {
        return state.usesCpu();
    }

    static void forEach(ModeTrace.Snapshot snapshot, Visitor visitor) throws IOException {
        PriorityQueue<LaneRuns> queue = new PriorityQueue<>(
                Comparator.comparingLong((LaneRuns r) -> r.start).thenComparingInt(r -> r.lane));
        for (int l = 0; l < snapshot.lanes().size(); l++) {
            LaneRuns runs = new LaneRuns(l, snapshot.lanes().get(l).buffer(), snapshot.eventCount(l),
                    snapshot.untilNanos());
            if (runs.advance()) queue.add(runs);
        }
        Pending pending = new Pending(visitor);
        LaneRuns next;
        while ((next = queue.poll()) != null) {
            pending.offer(next.core, next.lane, next.state, next.start, next.end);
            if (next.advance()) queue.add(next);
        }
        pending.flushAll();
    }

    /** One lane's stretches on a core, produced one at a time in time order. */
    private static final class LaneRuns {
        final int lane;
        private final LaneBuffer buffer;
        private final int count;
        private final long untilNanos;
        private int nextEvent;
        private LaneState openState;
        private int openCore = -1;
        private long openSince;

        // the current run
        int core;
        LaneState state;
        long start;
        long end;

        LaneRuns(int lane, LaneBuffer buffer, int count, long untilNanos) {
            this.lane = lane;
            this.buffer = buffer;
            this.count = count;
            this.untilNanos = untilNanos;
        }

        /** Moves to the lane's next run on a core; false when there is none left. */
        boolean advance() {
            while (nextEvent <= count) {
                int i = nextEvent++;
                long t;
                LaneState nextState = openState;
                int nextCore = openCore;
                if (i == count) {
                    t = Math.max(untilNanos, openSince); // the last stretch lasts until the end
                } else {
                    EventKind kind = buffer.kind(i);
                    if (kind != EventKind.STATE && kind != EventKind.CORE) continue;
                    nextCore = buffer.core(i);
                    if (kind == EventKind.CORE && nextCore == openCore) continue;
                    if (kind == EventKind.STATE) nextState = LaneState.ofOrdinal(buffer.aux(i));
                    t = buffer.timeNanos(i);
                }
                boolean found = openState != null && occupiesCore(openState) && openCore >= 0 && t > openSince;
                if (found) {
                    core = openCore;
                    state = openState;
                    start = openSince;
                    end = t;
                }
                openState = nextState;
                openCore = nextCore;
                openSince = t;
                if (found) return true;
            }
            return false;
        }
    }

    /** The latest slice of each core, held back until it is known where it ends. */
    private static final class Pending {
        private final Visitor visitor;
        private boolean[] held = new boolean[0];
        private int[] lanes = new int[0];
        private LaneState[] states = new LaneState[0];
        private long[] starts = new long[0];
        private long[] ends = new long[0];

        Pending(Visitor visitor) {
            this.visitor = visitor;
        }

        void offer(int core, int lane, LaneState state, long start, long end) throws IOException {
            grow(core);
            if (held[core]) {
                if (ends[core] > start) ends[core] = start; // two lanes claim the core at once
                if (ends[core] > starts[core]) visitor.slice(core, lanes[core], states[core], starts[core], ends[core]);
            }
            held[core] = true;
            lanes[core] = lane;
            states[core] = state;
            starts[core] = start;
            ends[core] = end;
        }

        void flushAll() throws IOException {
            for (int core = 0; core < held.length; core++) {
                if (held[core] && ends[core] > starts[core]) {
                    visitor.slice(core, lanes[core], states[core], starts[core], ends[core]);
                }
                held[core] = false;
            }
        }

        private void grow(int core) {
            if (core < held.length) return;
            int size = Math.max(core + 1, held.length * 2);
            held = Arrays.copyOf(held, size);
            lanes = Arrays.copyOf(lanes, size);
            states = Arrays.copyOf(states, size);
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
        }
    }
}
