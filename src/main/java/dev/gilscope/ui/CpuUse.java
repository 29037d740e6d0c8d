package dev.gilscope.ui;

import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.LaneTimeIndex;

/** How many cores a mode kept busy over its run: the "CPU use over time" series of the summary. */
public final class CpuUse {

    private CpuUse() {}

    /**
     * Cores busy (computing or serializing; a thread asleep waiting for the lock does not count) in each
     * of {@code bins} equal slices of {@code [0, spanNanos)} from the mode's start, at most {@code cores}:
     * three processes (de)serializing at once on two cores took turns on them, they did not use three.
     */
    public static double[] of(ModeRow row, int bins, long spanNanos, int cores) {
        double[] busy = new double[bins];
        if (row.snapshot() == null || spanNanos <= 0) return busy;
        long origin = row.originNanos();
        double binNanos = (double) spanNanos / bins;
        for (int l = 0; l < row.laneCount(); l++) {
            LaneTimeIndex index = row.indices().get(l);
            int keys = index.keyCount();
            long[] columns = new long[bins * keys];
            index.columns(origin, origin + spanNanos, bins, row.laneEndNanos(l), columns);
            for (int b = 0; b < bins; b++) {
                long nanos = 0;
                for (LaneState state : LaneState.values()) {
                    if (state.usesCpu()) nanos += columns[b * keys + LaneTimeIndex.stateKey(state)];
                }
                busy[b] += nanos / binNanos;
            }
        }
        for (int b = 0; b < bins; b++) busy[b] = Math.min(busy[b], cores);
        return busy;
    }
}
