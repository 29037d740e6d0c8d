package dev.gilscope.cli.bench;

import dev.gilscope.runtime.Comparison;
import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.runtime.RunControl;
import dev.gilscope.runtime.RunSettings;
import dev.gilscope.trace.ModeTrace;
import dev.gilscope.workload.Workload;
import dev.gilscope.workload.WorkloadParams;
import dev.gilscope.workload.Workloads;
import java.io.PrintStream;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the comparisons of the bench one after another, with a progress line on stderr per mode. Notes
 * for every mode how much CPU the rest of the machine used meanwhile ({@link OtherLoad}), and whether
 * any mode failed (a wrong answer makes every figure taken from it meaningless).
 */
public final class BenchRunner {

    private final PrintStream progress;
    private final long startedNanos = System.nanoTime();
    private final OtherLoad.Mark startMark = OtherLoad.mark();
    private final Map<ModeResult, Double> otherLoad = new IdentityHashMap<>();
    private int failedModes;

    public BenchRunner(PrintStream progress) {
        this.progress = progress;
    }

    /** One line on stderr, prefixed with the time since the bench started. */
    public void say(String message) {
        progress.println(Stats.fmt("gilscope bench [%5.1f s] %s", (System.nanoTime() - startedNanos) / 1e9, message));
    }

    public int failedModes() {
        return failedModes;
    }

    /** Cores the rest of the machine kept busy on average since the bench started (NaN if unknown). */
    public double otherLoadSinceStart() {
        return OtherLoad.coresBetween(startMark, OtherLoad.mark());
    }

    /** Cores the rest of the machine kept busy while {@code result} ran (NaN if unknown). */
    double otherLoad(ModeResult result) {
        return otherLoad.getOrDefault(result, Double.NaN);
    }

    /** The median {@link #otherLoad(ModeResult)} of several runs (NaN if unknown for all). */
    double medianOtherLoad(List<ModeResult> results) {
        double[] known = results.stream().mapToDouble(this::otherLoad).filter(load -> !Double.isNaN(load)).toArray();
        return known.length == 0 ? Double.NaN : Stats.median(known);
    }

    static Workload workload(String name) {
        return Workloads.byName(name).orElseThrow(() -> new IllegalStateException("no workload named " + name));
    }

    /**
     * Runs {@code modes} of one workload, one after another. A full collection first, so garbage from
     * the previous run is not collected during this one.
     */
    ComparisonResult run(String label, String workloadName, WorkloadParams params, RunSettings settings,
                         List<Mode> modes) {
        System.gc();
        Workload workload = workload(workloadName);
        return Comparison.run(workload, params, settings, modes, new Comparison.Listener() {
            OtherLoad.Mark started;

            @Override
            public void modeStarted(Mode mode, ModeTrace trace) {
                started = OtherLoad.mark();
            }

            @Override
            public void modeFinished(ModeResult r) {
                double load = OtherLoad.coresBetween(started, OtherLoad.mark());
                otherLoad.put(r, load);
                if (!r.resultOk()) failedModes++;
                say(Stats.fmt("%s · %s %s · other load %s cores", label, r.mode().cliName(),
                        r.resultOk() ? Stats.seconds(r.wallNanos()) : "FAILED: " + r.failure(), OtherLoad.format(load)));
            }
        }, new RunControl());
    }

    /** Runs one mode; see {@link #run(String, String, WorkloadParams, RunSettings, List)}. */
    ModeResult runOne(String label, String workloadName, WorkloadParams params, RunSettings settings, Mode mode) {
        return run(label, workloadName, params, settings, List.of(mode)).modes().getFirst();
    }
}
