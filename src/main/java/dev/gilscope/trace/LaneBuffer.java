package dev.gilscope.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one lane: written by one thread at a time, read live by any number of readers.
 *
 * <p>Guarantees:
 * <ol>
 *   <li>One writer at a time. Ownership may pass from the thread that creates the lane (it records
 *       {@code SPAWNING}) to the thread it starts, because {@link Thread#start()} orders the two.</li>
 *   <li>No lock and no allocation per event: events go into {@code long[]} chunks of
 *       {@value #CHUNK_EVENTS} events; a new chunk is allocated once per {@value #CHUNK_EVENTS} events,
 *       after drawing its size from the run's {@link EventBudget}.</li>
 *   <li>Recorded events are never moved or overwritten, so a reader that has seen {@link #size()}
 *       events may read all of them while the writer goes on (the count is published with a release
 *       store after the event's words are written).</li>
 *   <li>An event that does not fit in the budget is dropped and counted in {@link #droppedEvents()},
 *       and the time of the first one kept ({@link #recordedUntilNanos()}); nothing is lost silently.</li>
 * </ol>
 *
 * <p>Layout: each event takes {@value #WORDS} longs: time (ns), packed kind / core / aux, arg.
 */
public final class LaneBuffer {

    public static final int CHUNK_EVENTS = 1 << 13;
    private static final int CHUNK_SHIFT = 13;
    private static final int WORDS = 3;
    private static final int MAX_CHUNKS = 1 << 16; // 512 M events per lane

    private static final VarHandle SIZE;
    private static final VarHandle DROPPED;
    private static final VarHandle FIRST_DROPPED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            SIZE = lookup.findVarHandle(LaneBuffer.class, "size", int.class);
            DROPPED = lookup.findVarHandle(LaneBuffer.class, "dropped", long.class);
            FIRST_DROPPED = lookup.findVarHandle(LaneBuffer.class, "firstDroppedNanos", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final EventBudget budget;
    private final long[][] chunks;
    @SuppressWarnings("unused") // accessed through SIZE
    private int size;
    @SuppressWarnings("unused") // accessed through DROPPED
    private long dropped;
    @SuppressWarnings("unused") // accessed through FIRST_DROPPED
    private long firstDroppedNanos;
    private volatile long droppedElsewhere;
    private volatile long firstDroppedElsewhereNanos = Long.MAX_VALUE;
    /** The budget refused this lane a chunk; only the writer reads or writes it. */
    private boolean exhausted;

    public LaneBuffer(EventBudget budget) {
        this.budget = budget;
        // Room for as many chunks as the whole budget holds: a few KiB per lane, allocated once.
        this.chunks = new long[(int) Math.min(MAX_CHUNKS, budget.maxEvents() / CHUNK_EVENTS + 1)][];
    }

    /** Appends one event; only the lane's current writer may call this. */
    public void add(long timeNanos, EventKind kind, int core, int aux, long arg) {
        if (exhausted) {
            drop(timeNanos);
            return;
        }
        int index = (int) SIZE.getOpaque(this);
        int chunkIndex = index >>> CHUNK_SHIFT;
        long[] chunk = chunkIndex < chunks.length ? chunks[chunkIndex] : null;
        if (chunk == null) {
            if (chunkIndex >= chunks.length || !budget.tryGrant(CHUNK_EVENTS)) {
                exhausted = true; // sticky: no more trips to the shared budget
                drop(timeNanos);
                return;
            }
            chunk = new long[CHUNK_EVENTS * WORDS];
            chunks[chunkIndex] = chunk;
        }
        int offset = (index & (CHUNK_EVENTS - 1)) * WORDS;
        chunk[offset] = timeNanos;
        chunk[offset + 1] = pack(kind, core, aux);
        chunk[offset + 2] = arg;
        SIZE.setRelease(this, index + 1);
    }

    private void drop(long timeNanos) {
        if ((long) DROPPED.getOpaque(this) == 0) FIRST_DROPPED.setRelease(this, timeNanos);
        DROPPED.setRelease(this, (long) DROPPED.getOpaque(this) + 1);
    }

    /**
     * When the first event that did not fit was to be recorded, or {@link Long#MAX_VALUE} if none was
     * dropped: past it, the lane's recording is incomplete and must not be drawn as if it were known.
     */
    public long recordedUntilNanos() {
        long own = (long) DROPPED.getAcquire(this) == 0 ? Long.MAX_VALUE : (long) FIRST_DROPPED.getAcquire(this);
        return Math.min(own, firstDroppedElsewhereNanos);
    }

    /**
     * What the writer of this lane's events dropped in a buffer of its own (a worker process, which sends
     * its events over): its running total and when its first drop was. Counted in {@link #droppedEvents()}
     * and {@link #recordedUntilNanos()}; called by the one thread that copies the events in.
     */
    public void noteDroppedElsewhere(long total, long firstDroppedNanos) {
        if (total <= 0) return;
        droppedElsewhere = total;
        firstDroppedElsewhereNanos = Math.min(firstDroppedElsewhereNanos, firstDroppedNanos);
    }

    /** Events recorded so far; every index below it may be read. */
    public int size() {
        return (int) SIZE.getAcquire(this);
    }

    public long droppedEvents() {
        return (long) DROPPED.getAcquire(this) + droppedElsewhere;
    }

    public long timeNanos(int index) {
        return word(index, 0);
    }

    /** Kind, core and aux of event {@code index} in one word: one read for a reader that needs all three. */
    public long packed(int index) {
        return word(index, 1);
    }

    public static EventKind kindOf(long packed) {
        return EventKind.ofOrdinal((int) (packed & 0xFF));
    }

    public static int coreOf(long packed) {
        return (int) ((packed >>> 8) & 0xFFFFFF) - 1;
    }

    public static int auxOf(long packed) {
        return (int) (packed >>> 32);
    }

    public EventKind kind(int index) {
        return EventKind.ofOrdinal((int) (word(index, 1) & 0xFF));
    }

    /** Logical core, or -1 when unknown. */
    public int core(int index) {
        return (int) ((word(index, 1) >>> 8) & 0xFFFFFF) - 1;
    }

    public int aux(int index) {
        return (int) (word(index, 1) >>> 32);
    }

    public long arg(int index) {
        return word(index, 2);
    }

    public TraceEvent event(int index) {
        return new TraceEvent(timeNanos(index), kind(index), core(index), aux(index), arg(index));
    }

    /** A copy of the first {@code count} events (count ≤ {@link #size()}), decoded. */
    public List<TraceEvent> events(int count) {
        List<TraceEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) events.add(event(i));
        return events;
    }

    private long word(int index, int word) {
        return chunks[index >>> CHUNK_SHIFT][(index & (CHUNK_EVENTS - 1)) * WORDS + word];
    }

    private static long pack(EventKind kind, int core, int aux) {
        return kind.ordinal() | ((long) ((core + 1) & 0xFFFFFF) << 8) | ((long) aux << 32);
    }
}
