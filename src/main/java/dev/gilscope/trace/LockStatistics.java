package dev.gilscope.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lock figures of one mode, derived after the run: held and waited time from the lanes' exact totals,
 * wait and hand-off distributions from the recorded events.
 *
 * @param lockWaitFraction share of the workers' busy time (everything but spawning and idle) spent
 *     waiting for the lock
 * @param waitMicros distribution of single waits for the lock
 * @param handoffMicros distribution of hand-off latency: from the drop to the next holder running
 */
public record LockStatistics(LockCounters counters, long heldNanos, long waitedNanos, double lockWaitFraction,
                             List<LaneTime> perLane, Distribution waitMicros, Distribution handoffMicros) {

    /** Time one lane spent holding, waiting for and running without the lock, in nanoseconds. */
    public record LaneTime(String lane, long heldNanos, long waitedNanos, long withoutLockNanos, long ioNanos,
                           long cpuNanos, int tasks) {}

    /** Percentiles of a sample; zeros when the sample is empty. */
    public record Distribution(int samples, double p50, double p90, double p99, double max) {

        static Distribution of(long[] values, int count, double scale) {
            if (count == 0) return new Distribution(0, 0, 0, 0, 0);
            long[] sorted = Arrays.copyOf(values, count);
            Arrays.sort(sorted);
            return new Distribution(count, at(sorted, 0.5) * scale, at(sorted, 0.9) * scale,
                    at(sorted, 0.99) * scale, sorted[count - 1] * scale);
        }

        private static long at(long[] sorted, double q) {
            return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
        }
    }

    public static LockStatistics of(ModeTrace.Snapshot snapshot, LockCounters counters) {
        List<LaneTime> perLane = new ArrayList<>();
        long held = 0;
        long waited = 0;
        long busy = 0;
        LongSample waits = new LongSample();
        LongSample handoffs = new LongSample();
        for (int l = 0; l < snapshot.lanes().size(); l++) {
            Lane lane = snapshot.lanes().get(l);
            LaneTotals t = lane.totals();
            long laneHeld = t.nanosIn(LaneState.RUNNING_WITH_LOCK);
            long laneWaited = t.nanosIn(LaneState.WAITING_FOR_LOCK);
            held += laneHeld;
            waited += laneWaited;
            for (LaneState s : LaneState.values()) {
                if (s != LaneState.SPAWNING && s != LaneState.IDLE) busy += t.nanosIn(s);
            }
            perLane.add(new LaneTime(lane.name(), laneHeld, laneWaited, t.nanosIn(LaneState.RUNNING_WITHOUT_LOCK),
                    t.nanosIn(LaneState.IO_WAIT), t.cpuNanos(), t.tasksRun()));
            LaneBuffer buffer = lane.buffer();
            int count = snapshot.eventCount(l);
            Segments.forEach(buffer, count, snapshot.untilNanos(), (state, start, end, core) -> {
                if (state == LaneState.WAITING_FOR_LOCK) waits.add(end - start);
            });
            for (int i = 0; i < count; i++) {
                if (buffer.kind(i) == EventKind.HANDOFF && buffer.arg(i) >= 0) handoffs.add(buffer.arg(i));
            }
        }
        double fraction = busy == 0 ? 0 : (double) waited / busy;
        return new LockStatistics(counters, held, waited, fraction, List.copyOf(perLane),
                Distribution.of(waits.values, waits.count, 1e-3), Distribution.of(handoffs.values, handoffs.count, 1e-3));
    }

    private static final class LongSample {
        long[] values = new long[64];
        int count;

        void add(long v) {
            if (count == values.length) values = Arrays.copyOf(values, count * 2);
            values[count++] = v;
        }
    }
}
