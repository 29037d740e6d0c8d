package dev.gilscope.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The index must say exactly what walking every segment says, for any moment and any column grid. */
class LaneTimeIndexTest {

    private static final LaneState[] STATES = LaneState.values();

    /** A lane of random states, cores and instants; times may repeat. */
    private static LaneBuffer randomLane(Random random, int events) {
        LaneBuffer buffer = new LaneBuffer(EventBudget.generous());
        long t = 1_000;
        for (int i = 0; i < events; i++) {
            t += random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(5_000);
            int pick = random.nextInt(10);
            if (pick < 6) {
                buffer.add(t, EventKind.STATE, random.nextInt(4) - 1, STATES[random.nextInt(STATES.length)].ordinal(), 0);
            } else if (pick < 8) {
                buffer.add(t, EventKind.CORE, random.nextInt(3), 0, 0);
            } else {
                buffer.add(t, pick == 8 ? EventKind.DROP_REQUEST : EventKind.HANDOFF, -1, 0, 0);
            }
        }
        return buffer;
    }

    /** The same figures, by walking every event from the start: the obvious, slow way. */
    private static long[] bruteForce(LaneBuffer buffer, int count, long t, long end, int keys) {
        return bruteForceClamped(buffer, count, t, end, keys);
    }

    private static void addSpan(long[] sums, LaneState state, int core, long from, long to) {
        if (state == null || to <= from) return;
        sums[LaneTimeIndex.stateKey(state)] += to - from;
        boolean onCore = state.isCompute() || state == LaneState.SERIALIZING || state == LaneState.DESERIALIZING;
        if (onCore && core >= 0) sums[LaneTimeIndex.coreKey(core, !state.isCompute())] += to - from;
    }

    @Test
    void cumulativeFiguresMatchAWalkOfEverySegment() {
        Random random = new Random(42);
        LaneBuffer buffer = randomLane(random, 5_000);
        for (int blockShift : new int[] {1, 4, 6}) { // checkpoints every 2, 16 and 64 events
            LaneTimeIndex index = new LaneTimeIndex(buffer, blockShift);
            index.extendTo(buffer.size());
            long last = buffer.timeNanos(buffer.size() - 1);
            long end = last + 10_000;
            long[] got = new long[index.keyCount()];
            for (int q = 0; q < 2_000; q++) {
                long t = random.nextLong(last + 20_000); // before the first event, inside, and past the end
                index.cumulativeAt(t, end, got);
                assertArrayEquals(bruteForce(buffer, buffer.size(), t, end, index.keyCount()), got,
                        "at t=" + t + ", block shift " + blockShift);
            }
        }
    }

    @Test
    void columnsSplitTheLaneWithoutLosingOrInventingTime() {
        Random random = new Random(7);
        LaneBuffer buffer = randomLane(random, 20_000);
        LaneTimeIndex index = new LaneTimeIndex(buffer);
        index.extendTo(buffer.size());
        long first = buffer.timeNanos(0);
        long end = buffer.timeNanos(buffer.size() - 1) + 1_000;
        int columns = 333;
        int keys = index.keyCount();
        long[] out = new long[columns * keys];
        index.columns(first, end, columns, end, out);
        long[] total = new long[keys];
        for (int c = 0; c < columns; c++) {
            long columnTime = 0;
            for (int s = 0; s < LaneTimeIndex.STATE_KEYS; s++) columnTime += out[c * keys + s];
            long width = Math.round((double) (end - first) * (c + 1) / columns) - Math.round((double) (end - first) * c / columns);
            assertEquals(width, columnTime, "every column is covered by exactly its own width of states");
            for (int k = 0; k < keys; k++) total[k] += out[c * keys + k];
        }
        assertArrayEquals(bruteForce(buffer, buffer.size(), end, end, keys), total, "the columns add up to the whole lane");
    }

    @Test
    void aLiveLaneCanBeIndexedPieceByPieceWithTheSameAnswers() {
        Random random = new Random(99);
        LaneBuffer buffer = randomLane(random, 3_000);
        LaneTimeIndex grown = new LaneTimeIndex(buffer);
        for (int count = 0; count <= buffer.size(); count += 1 + random.nextInt(200)) {
            grown.extendTo(count);
            long[] got = new long[grown.keyCount()];
            long t = count == 0 ? 0 : buffer.timeNanos(count - 1) + 5;
            grown.cumulativeAt(t, t, got);
            assertArrayEquals(bruteForce(buffer, count, t, t, grown.keyCount()), got, "after " + count + " events");
        }
    }

    @Test
    void aClockThatStepsBackIsClampedNotCountedNegative() {
        LaneBuffer buffer = new LaneBuffer(EventBudget.generous());
        buffer.add(1_000, EventKind.STATE, 0, LaneState.RUNNING_WITH_LOCK.ordinal(), 0);
        buffer.add(900, EventKind.STATE, 0, LaneState.IDLE.ordinal(), 0); // another process's clock, slightly behind
        buffer.add(2_000, EventKind.STATE, 0, LaneState.RUNNING_WITH_LOCK.ordinal(), 0);
        LaneTimeIndex index = new LaneTimeIndex(buffer);
        index.extendTo(3);
        long[] got = new long[index.keyCount()];
        index.cumulativeAt(3_000, 3_000, got);
        assertEquals(1_000, got[LaneTimeIndex.stateKey(LaneState.RUNNING_WITH_LOCK)]);
        assertEquals(1_000, got[LaneTimeIndex.stateKey(LaneState.IDLE)]);
    }

    @Test
    void theSegmentUnderTheMouseIsTheOneTheLaneWasIn() {
        Random random = new Random(3);
        LaneBuffer buffer = randomLane(random, 4_000);
        LaneTimeIndex index = new LaneTimeIndex(buffer);
        index.extendTo(buffer.size());
        long end = buffer.timeNanos(buffer.size() - 1) + 2_000;
        List<long[]> segments = new ArrayList<>();
        Segments.forEach(buffer, buffer.size(), end,
                (state, start, stop, core) -> segments.add(new long[] {state.ordinal(), start, stop}));
        for (int q = 0; q < 1_000; q++) {
            long t = buffer.timeNanos(0) + random.nextLong(end - buffer.timeNanos(0));
            long[] expected = segments.stream().filter(g -> g[1] <= t && t < g[2]).reduce((a, b) -> b).orElseThrow();
            LaneTimeIndex.Segment got = index.segmentAt(t, end);
            assertEquals(LaneState.ofOrdinal((int) expected[0]), got.state(), "at " + t);
            assertEquals(expected[1], got.startNanos(), "start at " + t);
            assertEquals(expected[2], got.endNanos(), "end at " + t);
        }
        assertEquals(null, index.segmentAt(end, end), "nothing is known at or after the end");
    }

    @Test
    void aReplayStopsTheColumnsAtItsClock() {
        LaneBuffer buffer = new LaneBuffer(EventBudget.generous());
        buffer.add(0, EventKind.STATE, 0, LaneState.RUNNING_WITH_LOCK.ordinal(), 0);
        buffer.add(600, EventKind.HANDOFF, 0, 1, 0);
        LaneTimeIndex index = new LaneTimeIndex(buffer);
        index.extendTo(2);
        int keys = index.keyCount();
        long[] out = new long[10 * keys];
        index.columns(0, 1_000, 10, 450, out); // replay clock at 450 of 1,000
        int holding = LaneTimeIndex.stateKey(LaneState.RUNNING_WITH_LOCK);
        assertEquals(100, out[holding]);
        assertEquals(50, out[4 * keys + holding], "the column the clock is in is half drawn");
        assertEquals(0, out[5 * keys + holding], "after the clock, nothing");
        long handoffs = 0;
        for (int c = 0; c < 10; c++) handoffs += out[c * keys + LaneTimeIndex.kindKey(EventKind.HANDOFF)];
        assertEquals(0, handoffs, "a hand-off after the clock has not happened yet");
    }

    /** The slow way, clamping a clock that steps back as the index promises to (a no-op for a steady clock). */
    private static long[] bruteForceClamped(LaneBuffer buffer, int count, long t, long end, int keys) {
        long[] sums = new long[keys];
        LaneState state = null;
        int core = -1;
        long since = Long.MIN_VALUE;
        long clock = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            clock = Math.max(clock, buffer.timeNanos(i));
            if (clock >= t) break;
            addSpan(sums, state, core, since, clock);
            EventKind kind = buffer.kind(i);
            sums[LaneTimeIndex.kindKey(kind)]++;
            if (kind == EventKind.STATE || kind == EventKind.CORE) core = buffer.core(i);
            if (kind == EventKind.STATE) state = LaneState.ofOrdinal(buffer.aux(i));
            since = clock;
        }
        if (state != null) addSpan(sums, state, core, since, Math.max(since, Math.min(t, end)));
        return sums;
    }

    @Test
    void anyQueryInAnyOrderOnAGrowingLaneWithStrayCoresAndClocksMatchesTheSlowWay() {
        int machineCores = Runtime.getRuntime().availableProcessors();
        Random random = new Random(2026);
        for (int lane = 0; lane < 300; lane++) {
            LaneBuffer buffer = new LaneBuffer(EventBudget.generous());
            int events = 1 + random.nextInt(300);
            long t = random.nextInt(5);
            for (int i = 0; i < events; i++) {
                t += random.nextInt(4) - (random.nextInt(10) == 0 ? 5 : 0); // now and then a clock behind
                EventKind kind = random.nextInt(3) == 0 ? EventKind.STATE : EventKind.values()[random.nextInt(EventKind.values().length)];
                // cores past the machine's count: a restricted affinity, or a run recorded on a bigger machine
                buffer.add(t, kind, random.nextInt(machineCores + 12) - 1, random.nextInt(STATES.length), 0);
            }
            LaneTimeIndex index = new LaneTimeIndex(buffer, 1 + random.nextInt(4));
            int indexed = 0;
            for (int q = 0; q < 200; q++) {
                if (indexed < events && random.nextInt(8) == 0) index.extendTo(indexed = Math.min(events, indexed + 1 + random.nextInt(40)));
                if (indexed == 0) continue;
                long at = random.nextInt((int) Math.max(10, t + 10)) - 5;
                long end = random.nextInt(3) == 0 ? at + random.nextInt(5) : Long.MAX_VALUE;
                long[] got = new long[index.keyCount()];
                index.cumulativeAt(at, end, got);
                assertArrayEquals(bruteForceClamped(buffer, indexed, at, end, index.keyCount()), got,
                        "lane " + lane + ", query " + q + " at " + at);
            }
        }
    }
}
