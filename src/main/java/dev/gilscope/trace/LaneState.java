package dev.gilscope.trace;

/**
 * What a worker lane is doing. A lane is a sequence of these, back to back: each state lasts from the
 * event that entered it to the next one (the last until the end of the mode's run).
 */
public enum LaneState {
    /** Executing Python code while holding the lock: the only state that is useful work under a GIL. */
    RUNNING_WITH_LOCK("holding lock"),
    /** Runnable but blocked in {@code take}: burns no useful time, even if a core is busy waking it. */
    WAITING_FOR_LOCK("waiting for lock"),
    /** Executing with the lock released (native section) or with no lock at all (free threads). */
    RUNNING_WITHOUT_LOCK("running without lock"),
    /** Blocked in I/O (sleep, socket) with the lock released. */
    IO_WAIT("I/O wait"),
    /** Being started: a thread or a process. */
    SPAWNING("spawning"),
    /** Turning task input or results into bytes (pickle). */
    SERIALIZING("serializing"),
    /** Bytes moving through a pipe. */
    TRANSFERRING("transferring"),
    /** Turning bytes back into task input or results (unpickle). */
    DESERIALIZING("deserializing"),
    /** Alive with nothing to do, or finished. */
    IDLE("idle");

    private final String label;

    LaneState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Whether a lane in this state is running on a core: computing, or turning data into bytes and back
     * (processes). A thread waiting for the lock is asleep (a timed wait on a condition, as in
     * {@code ceval_gil.c}), so it leaves its core to others, as do I/O waits, idle workers and processes
     * still starting.
     */
    public boolean usesCpu() {
        return isCompute() || this == SERIALIZING || this == DESERIALIZING;
    }

    /** Whether time in this state is spent moving a task or a result between processes. */
    public boolean movesData() {
        return this == SERIALIZING || this == TRANSFERRING || this == DESERIALIZING;
    }

    /** Whether time in this state is the workload's own computation. */
    public boolean isCompute() {
        return this == RUNNING_WITH_LOCK || this == RUNNING_WITHOUT_LOCK;
    }

    private static final LaneState[] VALUES = values();

    public static LaneState ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
