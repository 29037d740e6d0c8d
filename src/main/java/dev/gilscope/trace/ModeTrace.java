package dev.gilscope.trace;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything recorded for one mode of one run, readable while the mode is still running: the board
 * takes a {@link #snapshot()} each frame and draws it; nothing here calls into a user interface.
 */
public final class ModeTrace {

    private final String mode;
    private final EventBudget budget;
    private final List<Lane> lanes = new CopyOnWriteArrayList<>();
    private volatile long startNanos;
    private volatile long endNanos;
    /** Events dropped by a recorder that is not part of this trace: a saved run read back from a file. */
    private final AtomicLong droppedElsewhere = new AtomicLong();

    public ModeTrace(String mode, EventBudget budget) {
        this.mode = mode;
        this.budget = budget;
    }

    public String mode() {
        return mode;
    }

    /** Marks the start of the timed run (the mode's zero on the time axis). */
    public void start(long nanos) {
        startNanos = nanos;
    }

    public void finish(long nanos) {
        endNanos = nanos;
    }

    /** Adds a thread's lane; called when a worker is created, never per event. */
    public Lane addLane(String name) {
        return addLane(name, Lane.Kind.THREAD);
    }

    public Lane addLane(String name, Lane.Kind kind) {
        synchronized (lanes) {
            Lane lane = new Lane(lanes.size(), name, budget, kind);
            lanes.add(lane);
            return lane;
        }
    }

    public List<Lane> lanes() {
        return List.copyOf(lanes);
    }

    public long startNanos() {
        return startNanos;
    }

    /** End of the run, or 0 while it is still going. */
    public long endNanos() {
        return endNanos;
    }

    public boolean finished() {
        return endNanos != 0;
    }

    /**
     * Counts events that were dropped before this trace was built, so that a run read back from a file
     * still shows what its recorder could not keep.
     */
    public void addDroppedEvents(long count) {
        if (count < 0) throw new IllegalArgumentException("dropped events cannot be negative: " + count);
        droppedElsewhere.addAndGet(count);
    }

    public long droppedEvents() {
        long dropped = droppedElsewhere.get();
        for (Lane lane : lanes) dropped += lane.buffer().droppedEvents();
        return dropped;
    }

    /** A consistent view for drawing: per lane, how many events may be read, and the time it was taken. */
    public Snapshot snapshot() {
        // The time first: every event counted below was recorded before it, so no segment runs past "now".
        long now = System.nanoTime();
        long end = endNanos;
        List<Lane> current = lanes();
        int[] counts = new int[current.size()];
        for (int i = 0; i < counts.length; i++) counts[i] = current.get(i).buffer().size();
        return new Snapshot(this, current, counts, end != 0 ? end : now, end != 0);
    }

    /**
     * A frozen prefix of every lane. Reading it never blocks the writers and never changes: events up
     * to {@code eventCounts[i]} are immutable once published.
     *
     * @param untilNanos the time the snapshot stands for (the end of the run once it is finished)
     */
    public record Snapshot(ModeTrace trace, List<Lane> lanes, int[] eventCounts, long untilNanos, boolean finished) {

        public int eventCount(int laneIndex) {
            return eventCounts[laneIndex];
        }

        public List<TraceEvent> events(int laneIndex) {
            return lanes.get(laneIndex).buffer().events(eventCounts[laneIndex]);
        }
    }
}
