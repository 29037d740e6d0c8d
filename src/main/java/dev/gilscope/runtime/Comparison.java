package dev.gilscope.runtime;

import dev.gilscope.trace.EventBudget;
import dev.gilscope.trace.ModeTrace;
import dev.gilscope.workload.Workload;
import dev.gilscope.workload.WorkloadParams;
import dev.gilscope.workload.WorkloadRun;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one workload in several modes, one after another so they do not take cores from each other,
 * each on freshly prepared inputs and shared state.
 */
public final class Comparison {

    /** Told about each mode as it starts (with its live trace) and ends. Called on the running thread. */
    public interface Listener {
        default void modeStarted(Mode mode, ModeTrace trace) {}

        default void modeFinished(ModeResult result) {}
    }

    private Comparison() {}

    public static ComparisonResult run(Workload workload, WorkloadParams params, RunSettings settings, List<Mode> modes,
                                       Listener listener, RunControl control) {
        List<ModeResult> results = new ArrayList<>();
        for (Mode mode : modes) {
            if (control.isCancelled()) break;
            ModeTrace trace = new ModeTrace(mode.cliName(), new EventBudget(settings.maxEvents()));
            listener.modeStarted(mode, trace);
            WorkloadRun run = workload.prepare(params);
            ModeResult result = mode.executor().execute(mode, run, params.chunkSize(), settings, trace, control);
            control.clearHooks();
            results.add(result);
            listener.modeFinished(result);
        }
        return new ComparisonResult(workload, params, settings, List.copyOf(results));
    }
}
