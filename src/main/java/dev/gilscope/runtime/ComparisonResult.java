package dev.gilscope.runtime;

import dev.gilscope.workload.Workload;
import dev.gilscope.workload.WorkloadParams;
import java.util.List;
import java.util.Optional;

/** The modes of one comparison, in the order they ran. */
public record ComparisonResult(Workload workload, WorkloadParams params, RunSettings settings, List<ModeResult> modes) {

    public Optional<ModeResult> result(Mode mode) {
        return modes.stream().filter(r -> r.mode() == mode).findFirst();
    }

    /**
     * Wall time of sequential divided by the mode's, or null without a successful sequential run, and
     * for the cpython mode, whose interpreter runs at its own speed.
     */
    public Double speedup(ModeResult result) {
        if (!result.mode().emulated()) return null;
        return result(Mode.SEQUENTIAL)
                .filter(s -> s.failure() == null && result.failure() == null && result.wallNanos() > 0)
                .map(s -> (double) s.wallNanos() / result.wallNanos())
                .orElse(null);
    }
}
