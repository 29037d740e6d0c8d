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
 * that drift of a noisy machine falls on both; the overhead is the ratio of the median wall times.
 * The ratio of the median CPU times of the workers is shown beside it: it is far less disturbed by
 * other processes taking cores away, so it tells a real overhead from noise when the machine is busy.
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

    /** The runs of one side (on or off) of one mode. */
    private static final class Side {
        final double[] wall;
        final double[] cpu;

        Side(int n) {
            wall = new double[n];
            cpu = new double[n];
        }
    }

    public void run(PrintStream out) {
        RunSettings settings = RunSettings.defaults();
        TextTable table = new TextTable("<mode", "wall on", "wall off", "overhead", "spread of runs", "CPU overhead",
                "events/run", "other load", "<target", "<verdict");
        for (Mode mode : List.of(Mode.GIL_THREADS, Mode.FREE_THREADS)) {
            Side on = new Side(pairs);
            Side off = new Side(pairs);
            long events = 0;
            boolean failed = false;
            ModeResult[] all = new ModeResult[2 * pairs];
            for (int i = 0; i < pairs; i++) {
                String label = Stats.fmt("recording overhead %d/%d", i + 1, pairs);
                all[2 * i] = once(label + " on", settings.withRecording(true), mode, on, i);
                all[2 * i + 1] = once(label + " off", settings.withRecording(false), mode, off, i);
                failed |= !all[2 * i].resultOk() || !all[2 * i + 1].resultOk();
                events += recorded(all[2 * i]);
            }
            String load = OtherLoad.format(runner.medianOtherLoad(List.of(all)));
            if (failed) {
                table.row(mode.cliName(), null, null, null, null, null, null, load, "≤ 3%", "FAILED");
                continue;
            }
            double wallOn = Stats.median(on.wall);
            double wallOff = Stats.median(off.wall);
            double overhead = wallOn / wallOff - 1;
            double cpuOverhead = Stats.median(on.cpu) / Stats.median(off.cpu) - 1;
            table.row(mode.cliName(), Stats.seconds((long) wallOn), Stats.seconds((long) wallOff),
                    Stats.percent(overhead), Stats.fmt("%.0f%%", 100 * spread(on.wall, off.wall)),
                    Stats.percent(cpuOverhead), Stats.grouped(events / pairs), load, "≤ 3%",
                    overhead <= TARGET ? "within" : "outside");
        }
        out.println(Stats.fmt("whole-run recording overhead (%s, %d tasks × %s, 2 workers; %d interleaved on/off pairs "
                        + "per mode; ratio of median wall times)", WORKLOAD, params.tasks(), Stats.grouped(params.size()),
                pairs));
        table.print(out);
        out.println("(spread: (max − min) / median of the runs of each side, the larger side — the noise to read the "
                + "overhead against; CPU overhead: the same ratio for the workers' CPU time; other load: cores other "
                + "processes kept busy, median over the runs)");
    }

    private ModeResult once(String label, RunSettings settings, Mode mode, Side side, int index) {
        ModeResult r = runner.runOne(label, WORKLOAD, params, settings, mode);
        side.wall[index] = r.wallNanos();
        side.cpu[index] = r.cpuNanos();
        return r;
    }

    private static double spread(double[] a, double[] b) {
        return Math.max(Stats.spread(a), Stats.spread(b));
    }

    private static long recorded(ModeResult result) {
        long events = 0;
        for (Lane lane : result.trace().lanes()) events += lane.buffer().size();
        return events;
    }
}
