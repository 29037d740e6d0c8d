package dev.gilscope.cli.bench;

import dev.gilscope.runtime.LockSettings;
import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.RunSettings;
import dev.gilscope.workload.WorkloadParams;
import java.util.List;

/**
 * Runs small versions of the timed workloads in every mode, recording on and off, before anything is
 * timed, so the JIT has compiled the kernels and the runtime's paths: otherwise whichever mode runs
 * first (sequential) pays for compilation and the speed-ups come out too high.
 */
public final class WarmUp {

    private WarmUp() {}

    public static void run(BenchRunner runner, boolean quick) {
        int rounds = quick ? 1 : 2;
        List<Mode> all = List.of(Mode.SEQUENTIAL, Mode.GIL_THREADS, Mode.FREE_THREADS);
        RunSettings base = RunSettings.defaults();
        LockSettings legacy = base.lock().withAlgorithm(LockSettings.Algorithm.LEGACY);
        for (int i = 0; i < rounds; i++) {
            String label = Stats.fmt("warm-up %d/%d", i + 1, rounds);
            runner.run(label, "count-primes", p(4, 150_000), base, all);
            runner.run(label, "count-primes", p(4, 150_000), base.withRecording(false), all);
            runner.run(label, "count-primes", p(4, 100_000), base.withLock(legacy), List.of(Mode.GIL_THREADS));
            runner.run(label, "matrix-native", p(4, 200), base.withWorkers(4), all);
            runner.run(label, "shared-counter", p(2, 300_000),
                    base.withLock(base.lock().withCheckpoints(LockSettings.CheckpointPlacement.EVERY_STEP)), all);
        }
    }

    private static WorkloadParams p(int tasks, long size) {
        return new WorkloadParams(tasks, size, 1);
    }
}
