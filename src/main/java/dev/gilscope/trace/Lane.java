package dev.gilscope.trace;

/**
 * One row of the lock Gantt: a worker thread, or a worker process, and its recorded events.
 *
 * @param index position within its mode, also used as the worker's colour everywhere
 * @param name what the board shows, e.g. "T1", "I/O" or "P2"
 * @param kind whether the lane is a thread of gilscope's process or a worker process of its own
 */
public record Lane(int index, String name, LaneBuffer buffer, LaneTotals totals, Kind kind) {

    /** Where a lane's worker lives. */
    public enum Kind {
        /** A thread of the process that ran the mode: gilscope's own, or the JVM that runs a window's thread modes. */
        THREAD,
        /** A worker process of its own; its {@link LaneTotals#nativeThreadId()} is the process id. */
        PROCESS
    }

    public Lane(int index, String name, EventBudget budget) {
        this(index, name, new LaneBuffer(budget), new LaneTotals(), Kind.THREAD);
    }

    public Lane(int index, String name, EventBudget budget, Kind kind) {
        this(index, name, new LaneBuffer(budget), new LaneTotals(), kind);
    }
}
