package dev.gilscope.trace;

/**
 * One decoded event, for export and tests. The recorder itself stores primitives only.
 *
 * @param timeNanos monotonic clock ({@link System#nanoTime()}) of the recording process
 * @param core logical core, or -1 when unknown
 */
public record TraceEvent(long timeNanos, EventKind kind, int core, int aux, long arg) {

    public LaneState state() {
        if (kind != EventKind.STATE) throw new IllegalStateException(kind + " is not a state change");
        return LaneState.ofOrdinal(aux);
    }
}
