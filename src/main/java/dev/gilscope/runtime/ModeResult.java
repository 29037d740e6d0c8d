package dev.gilscope.runtime;

import dev.gilscope.trace.LockStatistics;
import dev.gilscope.trace.ModeTrace;
import dev.gilscope.workload.Outcome;

/**
 * What one mode of a comparison did.
 *
 * @param wallNanos from just before the first worker was started to just after the last one ended
 * @param cpuNanos CPU time of all workers (from the kernel's per-thread accounting)
 * @param outcome the workload's checked answer, or null if the mode failed before finishing
 * @param failure why the mode failed or was cancelled, or null
 * @param lockEnabled whether this mode ran behind the lock (false: the lock figures are all zero)
 * @param processCosts start-up and transfer costs of the processes mode, or null for the thread modes
 * @param realPython which interpreter ran the cpython mode and how it was watched, or null for the emulated modes
 */
public record ModeResult(Mode mode, long wallNanos, long cpuNanos, Outcome outcome, String failure,
                         LockStatistics lock, boolean lockEnabled, ModeTrace trace, ProcessCosts processCosts,
                         RealPython realPython) {

    /** An emulated mode's result. */
    public ModeResult(Mode mode, long wallNanos, long cpuNanos, Outcome outcome, String failure, LockStatistics lock,
                      boolean lockEnabled, ModeTrace trace, ProcessCosts processCosts) {
        this(mode, wallNanos, cpuNanos, outcome, failure, lock, lockEnabled, trace, processCosts, null);
    }

    public boolean resultOk() {
        return failure == null && outcome != null && outcome.resultOk();
    }

    public double wallSeconds() {
        return wallNanos / 1e9;
    }

    public double cpuSeconds() {
        return cpuNanos / 1e9;
    }

    public long droppedEvents() {
        return trace.droppedEvents();
    }
}
