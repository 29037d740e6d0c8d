package dev.gilscope.trace;

/**
 * The kinds of recorded events. Every event carries a time, a core, a 32-bit {@code aux} and a 64-bit
 * {@code arg}; what they mean depends on the kind.
 */
public enum EventKind {
    /** The lane entered state {@code aux} ({@link LaneState} ordinal). */
    STATE,
    /** The lane was seen on a new core (sampled every few check points). */
    CORE,
    /**
     * This lane's wait, begun at time {@code arg}, timed out with no switch meanwhile, so it asked lane
     * {@code aux} (the holder) to drop the lock.
     */
    DROP_REQUEST,
    /** This lane dropped the lock on request and waits until another thread has taken it. */
    FORCED_SWITCH,
    /**
     * This lane took the lock from lane {@code aux} (time: the switch, taken under the lock's mutex);
     * {@code arg} = ns from the drop to this lane running, or -1 if unknown.
     */
    HANDOFF,
    /** Task {@code arg} started on this lane. */
    TASK_START,
    /** Task {@code arg} ended on this lane. */
    TASK_END,
    /** A write on this lane overwrote {@code arg} updates of other threads. */
    LOST_UPDATE;

    private static final EventKind[] VALUES = values();

    public static EventKind ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
