package dev.gilscope.trace;

import java.util.Arrays;

/**
 * Answers, for one lane, "how long was it in each state, how long on each core, and how many of each
 * event did it record, up to time t" without walking the whole lane: what a chart needs to draw a
 * pixel column that holds thousands of segments as their mix rather than as the last one drawn.
 *
 * <p>A query costs a binary search over checkpoints plus a walk of at most one block of events, so a
 * frame costs the same whatever the number of segments. The index grows with the lane
 * ({@link #extendTo}); a live view extends it each frame by what was recorded since.
 *
 * <p>A cumulative vector has {@link #keyCount()} entries: nanoseconds per {@link LaneState} first,
 * then counts per {@link EventKind}, then nanoseconds per core slot ({@link #coreKey}). A lane occupies
 * a core while it {@linkplain LaneState#usesCpu() uses the CPU}: computing, or serializing data (the
 * overhead of processes); time on an unknown core counts nowhere.
 *
 * <p>Not thread-safe: one reader (the UI thread) owns an index. Times that go backwards (a clock of
 * another process) are clamped so that time never runs backwards within the lane.
 */
public final class LaneTimeIndex {

    /**
     * Events between checkpoints, as a power of two: short walks where a checkpoint is small (few
     * cores), longer where each checkpoint holds a sum per core of a big machine, so that checkpoints
     * never cost more memory than about half the events they index.
     */
    private final int blockShift;
    private final int blockMask;
    public static final int STATE_KEYS = LaneState.values().length;
    public static final int KIND_KEYS = EventKind.values().length;
    private static final int CORE_BASE = STATE_KEYS + KIND_KEYS;

    private final LaneBuffer buffer;
    private final Walker tail = new Walker();
    private int indexed;
    private int keyCount = CORE_BASE;

    // Checkpoint k describes the moment just before event k << blockShift.
    // Times apart, for the search; the rest of each checkpoint in one flat record, so that reaching one
    // costs a cache miss or two rather than a pointer chase: [state and core, state since, sums...].
    private long[] checkpointTimes = new long[16];
    private int sumStride = CORE_BASE + 2 * Runtime.getRuntime().availableProcessors();
    private long[] checkpointRecords = new long[16 * (2 + sumStride)];
    private int checkpoints;

    private final Walker reader = new Walker();

    public LaneTimeIndex(LaneBuffer buffer) {
        this(buffer, blockShiftFor(Runtime.getRuntime().availableProcessors()));
    }

    /** An index with checkpoints every {@code 1 << blockShift} events. */
    public LaneTimeIndex(LaneBuffer buffer, int blockShift) {
        if (blockShift < 1 || blockShift > 12) throw new IllegalArgumentException("block shift out of range: " + blockShift);
        this.buffer = buffer;
        this.blockShift = blockShift;
        this.blockMask = (1 << blockShift) - 1;
    }

    static int blockShiftFor(int cores) {
        return cores <= 8 ? 4 : cores <= 32 ? 5 : 6;
    }

    /** The key of time spent on {@code core} computing ({@code overhead} false) or serializing data (true). */
    public static int coreKey(int core, boolean overhead) {
        return CORE_BASE + core * 2 + (overhead ? 1 : 0);
    }

    public static int stateKey(LaneState state) {
        return state.ordinal();
    }

    public static int kindKey(EventKind kind) {
        return STATE_KEYS + kind.ordinal();
    }

    /** Entries in a cumulative vector; grows when the lane is first seen on a higher core. */
    public int keyCount() {
        return keyCount;
    }

    /** Highest core the lane was seen on, plus one (0 if never on a known core). */
    public int coresSeen() {
        return (keyCount - CORE_BASE) / 2;
    }

    public int indexedEvents() {
        return indexed;
    }

    /** Folds in events up to {@code count} (at most the buffer's published size). */
    public void extendTo(int count) {
        for (int i = indexed; i < count; i++) {
            long t = Math.max(buffer.timeNanos(i), tail.position);
            tail.advanceTo(t);
            if ((i & blockMask) == 0) addCheckpoint(t);
            tail.apply(i);
        }
        if (count > indexed) indexed = count;
    }

    /**
     * Fills {@code out} (at least {@link #keyCount()} long) with the lane's cumulative figures from its
     * first event up to {@code t}: time in each state and on each core, and the events recorded before
     * {@code t} (so that adjacent columns never count an event twice). The lane's last state counts only
     * up to {@code endNanos}.
     */
    public void cumulativeAt(long t, long endNanos, long[] out) {
        Arrays.fill(out, 0, keyCount, 0);
        if (checkpoints == 0 || t <= checkpointTimes[0]) return;
        reader.seek(t);
        System.arraycopy(reader.sums, 0, out, 0, keyCount);
        long until = Math.min(t, endNanos);
        if (reader.state != null && until > reader.position) {
            out[stateKey(reader.state)] += until - reader.position;
            int coreKey = reader.currentCoreKey();
            if (coreKey >= 0) out[coreKey] += until - reader.position;
        }
    }

    /**
     * Per pixel column, what happened in it: column {@code c} covers {@code [from + c·w, from + (c+1)·w)}
     * with {@code w = (to - from) / columns}. {@code out} receives {@code columns × keyCount()} values,
     * column after column, each the difference of two {@link #cumulativeAt} vectors.
     */
    public void columns(long from, long to, int columns, long endNanos, long[] out) {
        int keys = keyCount;
        long[] previous = new long[keys];
        long[] next = new long[keys];
        cumulativeAt(Math.min(from, endNanos), endNanos, previous);
        for (int c = 0; c < columns; c++) {
            long boundary = from + Math.round((double) (to - from) * (c + 1) / columns);
            // Nothing after the end is drawn: a replay stops there, and so does a live lane.
            cumulativeAt(Math.min(boundary, endNanos), endNanos, next);
            int base = c * keys;
            for (int k = 0; k < keys; k++) out[base + k] = next[k] - previous[k];
            long[] swap = previous;
            previous = next;
            next = swap;
        }
    }

    /** One state of the lane, as the board's tooltip describes it. {@code core} is -1 when unknown. */
    public record Segment(LaneState state, long startNanos, long endNanos, int core) {}

    /**
     * The state the lane was in at {@code t}, from when it entered it to when it left it (or
     * {@code endNanos} if it had not yet), or null before the lane's first state or at or after
     * {@code endNanos}.
     */
    public Segment segmentAt(long t, long endNanos) {
        if (checkpoints == 0 || t < checkpointTimes[0] || t >= endNanos) return null;
        reader.seek(t + 1); // the events at t itself are in effect at t
        if (reader.state == null) return null;
        return new Segment(reader.state, reader.stateSince, nextStateChange(endNanos), reader.core);
    }

    /**
     * When the reader's state ends: the next STATE event after it, found without walking the rest of a
     * long lane. Checkpoints remember when their state began, so the first checkpoint whose state began
     * later marks the block the change is in.
     */
    private long nextStateChange(long endNanos) {
        int low = (reader.nextEvent >> blockShift) + 1;
        int high = checkpoints;
        while (low < high) { // first checkpoint whose state began after the reader's
            int mid = (low + high) >>> 1;
            if (checkpointRecords[mid * (2 + sumStride) + 1] > reader.stateSince) high = mid; else low = mid + 1;
        }
        int from = Math.max(reader.nextEvent, (low - 1) << blockShift);
        long clock = from == reader.nextEvent ? reader.position : checkpointTimes[low - 1];
        for (int i = from; i < indexed; i++) {
            clock = Math.max(clock, buffer.timeNanos(i)); // as the index clamps a clock that steps back
            if (buffer.kind(i) == EventKind.STATE) return Math.min(endNanos, clock);
        }
        return endNanos;
    }

    /** How many events of {@code kind} the lane has recorded so far (as far as it is indexed). */
    public long count(EventKind kind) {
        return tail.sums[kindKey(kind)];
    }

    private void addCheckpoint(long t) {
        if (keyCount > sumStride) restride(keyCount + 8);
        int stride = 2 + sumStride;
        if (checkpoints == checkpointTimes.length) {
            checkpointTimes = Arrays.copyOf(checkpointTimes, checkpoints * 2);
            checkpointRecords = Arrays.copyOf(checkpointRecords, checkpoints * 2 * stride);
        }
        checkpointTimes[checkpoints] = t;
        int at = checkpoints * stride;
        int stateOrdinal = tail.state == null ? -1 : tail.state.ordinal();
        checkpointRecords[at] = (long) stateOrdinal << 32 | (tail.core & 0xFFFFFFFFL);
        checkpointRecords[at + 1] = tail.stateSince;
        System.arraycopy(tail.sums, 0, checkpointRecords, at + 2, keyCount);
        checkpoints++;
    }

    /** A lane seen on a core beyond what the records have room for (rare): widen every record. */
    private void restride(int newStride) {
        int oldStride = 2 + sumStride;
        int stride = 2 + newStride;
        long[] records = new long[checkpointTimes.length * stride];
        for (int k = 0; k < checkpoints; k++) System.arraycopy(checkpointRecords, k * oldStride, records, k * stride, oldStride);
        checkpointRecords = records;
        sumStride = newStride;
    }

    private void growKeys(int core) {
        int needed = coreKey(core, true) + 1;
        if (needed <= keyCount) return;
        keyCount = needed;
        tail.ensure(needed);
        reader.ensure(needed);
        // Every record must hold keyCount sums at once: a reader copies that many from any of them.
        if (keyCount > sumStride) restride(keyCount + 8);
    }

    /** A position in the lane: the state and core in effect there and the sums up to it. */
    private final class Walker {
        long[] sums = new long[CORE_BASE];
        long position = Long.MIN_VALUE;
        LaneState state;
        long stateSince;
        int core = -1;
        int nextEvent;

        void ensure(int keys) {
            if (sums.length < keys) sums = Arrays.copyOf(sums, Math.max(keys, sums.length * 2));
        }

        /** The core slot the current state counts towards, or -1. */
        int currentCoreKey() {
            if (state == null || !state.usesCpu() || core < 0) return -1;
            return coreKey(core, !state.isCompute());
        }

        /** Adds the time from the current position to {@code t} in the current state (and core). */
        void advanceTo(long t) {
            if (state != null && t > position) {
                sums[stateKey(state)] += t - position;
                int coreKey = currentCoreKey();
                if (coreKey >= 0) sums[coreKey] += t - position;
            }
            if (t > position) position = t;
        }

        /** Applies event {@code i}, whose time has been reached. */
        void apply(int i) {
            long packed = buffer.packed(i);
            EventKind kind = LaneBuffer.kindOf(packed);
            sums[kindKey(kind)]++;
            if (kind == EventKind.STATE || kind == EventKind.CORE) {
                int seen = LaneBuffer.coreOf(packed);
                if (seen >= 0 && coreKey(seen, true) >= keyCount) growKeys(seen);
                core = seen;
                if (kind == EventKind.STATE) {
                    state = LaneState.ofOrdinal(LaneBuffer.auxOf(packed));
                    stateSince = position;
                }
            }
            nextEvent = i + 1;
        }

        /** Moves to time {@code t} (after the first checkpoint): events before it, not the partial state after. */
        void seek(long t) {
            // Strictly before t: the events at `position` are applied, so a query at that very moment must restart.
            boolean valid = position != Long.MIN_VALUE && position < t && nextEvent <= indexed;
            // Queries mostly move forward a little (one pixel column to the next): when t comes before
            // the next checkpoint, walking on from here is shortest.
            int nextBlock = (nextEvent >> blockShift) + 1;
            if (valid && (nextBlock >= checkpoints || checkpointTimes[nextBlock] >= t)) {
                walkTowards(t);
                return;
            }
            int block = valid ? lastCheckpointBefore(t, Math.min(nextBlock, checkpoints - 1)) : lastCheckpointBefore(t, 0);
            if (!valid || nextEvent < block << blockShift) {
                int at = block * (2 + sumStride);
                long stateAndCore = checkpointRecords[at];
                System.arraycopy(checkpointRecords, at + 2, sums, 0, keyCount);
                position = checkpointTimes[block];
                int s = (int) (stateAndCore >> 32);
                state = s < 0 ? null : LaneState.ofOrdinal(s);
                core = (int) stateAndCore;
                stateSince = checkpointRecords[at + 1];
                nextEvent = block << blockShift;
            }
            walkTowards(t);
        }

        /** Applies the events before {@code t}. */
        private void walkTowards(long t) {
            while (nextEvent < indexed) {
                long eventTime = Math.max(buffer.timeNanos(nextEvent), position);
                if (eventTime >= t) return;
                advanceTo(eventTime);
                apply(nextEvent);
            }
        }
    }

    /** The last checkpoint before {@code t}, searching from {@code from} (a checkpoint before t) by galloping: near ones are found fast. */
    private int lastCheckpointBefore(long t, int from) {
        int low = checkpointTimes[from] < t ? from : 0;
        int step = 1;
        int high = low;
        while (high + step < checkpoints && checkpointTimes[high + step] < t) {
            low = high + step;
            high = low;
            step <<= 1;
        }
        high = Math.min(checkpoints - 1, high + step);
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (checkpointTimes[mid] < t) low = mid; else high = mid - 1;
        }
        return low;
    }
}
