package dev.gilscope.runtime;

import dev.gilscope.trace.ModeTrace;
import dev.gilscope.workload.WorkloadRun;

/** Runs one prepared workload in one mode, recording into {@code trace}. */
interface ModeExecutor {

    ModeResult execute(Mode mode, WorkloadRun run, int chunkSize, RunSettings settings, ModeTrace trace,
                       RunControl control);
}
