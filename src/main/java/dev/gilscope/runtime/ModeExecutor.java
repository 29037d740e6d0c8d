package dev.gilscope.runtime;

import dev.gilscope.trace.ModeTrace;
import dev.gilscope.workload.WorkloadParams;
import dev.gilscope.workload.WorkloadRun;

/** Runs one prepared workload in one mode, recording into {@code trace}. */
interface ModeExecutor {

    /**
     * One workload, prepared for one mode.
     *
     * @param workload the workload's name (worker processes prepare their own copy by it)
     * @param run the inputs and shared state of this run, prepared in this process (null for a
     *     {@link ThreadHost}, which prepares its own)
     */
    record Job(String workload, WorkloadParams params, WorkloadRun run) {}

    ModeResult execute(Mode mode, Job job, RunSettings settings, ModeTrace trace, RunControl control);
}
