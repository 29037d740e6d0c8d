package dev.gilscope.trace;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The cap on recorded events shared by all lanes of one run, so that a long run cannot exhaust the heap.
 * Lanes draw from it a chunk at a time (never per event); once it is spent, further events are dropped
 * and counted by their lane.
 */
public final class EventBudget {

    /** Default: 16 M events (384 MiB at 24 bytes an event). */
    public static final long DEFAULT_MAX_EVENTS = 16L << 20;

    private final long maxEvents;
    private final AtomicLong granted = new AtomicLong();

    public EventBudget(long maxEvents) {
        if (maxEvents < 1) throw new IllegalArgumentException("event budget must be positive");
        this.maxEvents = maxEvents;
    }

    /** Room for 256 M events; chunks are still only allocated as they fill. */
    public static EventBudget generous() {
        return new EventBudget(1L << 28);
    }

    boolean tryGrant(int events) {
        long after = granted.addAndGet(events);
        if (after <= maxEvents) return true;
        granted.addAndGet(-events);
        return false;
    }

    public long maxEvents() {
        return maxEvents;
    }
}
