package dev.gilscope.trace;

import java.util.EnumMap;
import java.util.Map;

/**
 * Exact per-lane totals kept by the lane's writer beside the event buffer, so lock statistics stay
 * right even when events were dropped. Written by the lane's thread; read after the run has ended
 * ({@link Thread#join()} orders the two).
 */
public final class LaneTotals {

    private final long[] nanosInState = new long[LaneState.values().length];
    private long cpuNanos;
    private long nativeThreadId = -1;
    private int tasksRun;

    public void addStateNanos(LaneState state, long nanos) {
        nanosInState[state.ordinal()] += nanos;
    }

    public void addCpuNanos(long nanos) {
        cpuNanos += nanos;
    }

    public void setNativeThreadId(long tid) {
        nativeThreadId = tid;
    }

    public void taskDone() {
        tasksRun++;
    }

    /** Counts tasks run by a lane's thread elsewhere (a worker process, or the thread modes' own JVM). */
    public void addTasksRun(int tasks) {
        tasksRun += tasks;
    }

    public long nanosIn(LaneState state) {
        return nanosInState[state.ordinal()];
    }

    public Map<LaneState, Long> nanosByState() {
        Map<LaneState, Long> map = new EnumMap<>(LaneState.class);
        for (LaneState s : LaneState.values()) map.put(s, nanosInState[s.ordinal()]);
        return map;
    }

    public long cpuNanos() {
        return cpuNanos;
    }

    public long nativeThreadId() {
        return nativeThreadId;
    }

    public int tasksRun() {
        return tasksRun;
    }
}
