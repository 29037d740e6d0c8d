package dev.gilscope.trace;

/**
 * One row of the lock Gantt: a worker thread (or, later, a process) and its recorded events.
 *
 * @param index position within its mode, also used as the worker's colour everywhere
 * @param name what the board shows, e.g. "T1" or "I/O"
 */
public record Lane(int index, String name, LaneBuffer buffer, LaneTotals totals) {

    public Lane(int index, String name, EventBudget budget) {
        this(index, name, new LaneBuffer(budget), new LaneTotals());
    }
}
