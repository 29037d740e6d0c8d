package dev.gilscope.cli.bench;

import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.runtime.RunSettings;
import dev.gilscope.trace.Lane;
import dev.gilscope.workload.WorkloadParams;
import java.io.PrintStream;
import java.util.List;

/**
 * Section 2: the same count-primes run with recording on and off, interleaved on, off, on, off, … so
 * that drift of a noisy machine falls on both; the overhead is the ratio of the medians.
 */
public final class RecordingOverheadBench {

    static final String WORKLOAD = "count-primes";
    static final double TARGET = 0.03;

    private final BenchRunner runner;
    private final WorkloadParams params;
    private final int pairs;

    public RecordingOverheadBench(BenchRunner runner, BenchSizes sizes) {
        this.runner = runner;
        this.params = sizes.overhead();
        this.pairs = sizes.overheadPairs();
    }

    public void run(PrintStream out) {
        RunSettings settings = RunSettings.defaults();
        TextTable table = new TextTable("<mode", "median on", "median off", "overhead", "spread of runs",
                "events/run", "other load", "<target", "<verdict");
        for (Mode mode : List.of(Mode.GIL_THREADS, Mode.FREE_THREADS)) {
            double[] on = new double[pairs];
            double[] off = new double[pairs];
            long events = 0;
            double otherLoad = Double.NaN;
            boolean failed = false;
            for (int i = 0; i < pairs; i++) {
                String label = Stats.fmt("recording overhead %d/%d", i + 1, pairs);
                ModeResult withRecording = once(label + " on", settings.withRecording(true), mode);
                ModeResult without = once(label + " off", settings.withRecording(false), mode);
                failed |= !withRecording.resultOk() || !without.resultOk();
                on[i] = withRecording.wallNanos();
                off[i] = without.wallNanos();
                events += recorded(withRecording);
                double load = runner.worstOtherLoad(withRecording, without);
                if (!Double.isNaN(load)) otherLoad = Double.isNaN(otherLoad) ? load : Math.max(otherLoad, load);
            }
            if (failed) {
                table.row(mode.cliName(), null, null, null, null, null, null, "≤ 3%", "FAILED");
                continue;
            }
            double medianOn = Stats.median(on);
            double medianOff = Stats.median(off);
            double overhead = medianOn / medianOff - 1;
            double[] all = new double[2 * pairs];
            for (int i = 0; i < pairs; i++) {
                all[2 * i] = on[i] / medianOn;
                all[2 * i + 1] = off[i] / medianOff;
            }
            table.row(mode.cliName(), Stats.seconds((long) medianOn), Stats.seconds((long) medianOff),
                    Stats.percent(overhead), Stats.fmt("%.1f%%", 100 * Stats.spread(all)),
                    Stats.grouped(events / pairs), OtherLoad.format(otherLoad), "≤ 3%", overhead <= TARGET ? "within" : "outside");
        }
        out.println(Stats.fmt("whole-run recording overhead (%s, %d tasks × %s, 2 workers; %d interleaved on/off pairs "
                        + "per mode; ratio of medians)", WORKLOAD, params.tasks(), Stats.grouped(params.size()), pairs,
                pairs));
        table.print(out);
        out.println("(spread: (max − min) / median of every run against its own side's median, the noise to read the "
                + "overhead against; other load: the most cores other processes kept busy during any of the runs)");
    }

    private ModeResult once(String label, RunSettings settings, Mode mode) {
        return runner.runOne(label, WORKLOAD, params, settings, mode);
    }

    private static long recorded(ModeResult result) {
        long events = 0;
        for (Lane lane : result.trace().lanes()) events += lane.buffer().size();
        return events;
    }
}
