package dev.gilscope.cli.bench;

import dev.gilscope.runtime.LockSettings;
import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.runtime.RunSettings;
import dev.gilscope.trace.Lane;
import dev.gilscope.workload.WorkloadParams;
import java.io.PrintStream;
import java.util.List;

/**
 * Section 2: the same run with recording on and off, interleaved on, off, on, off, … so that drift of a
 * noisy machine falls on both; the overhead is the ratio of the median wall times. The ratio of the
 * median CPU times of the workers is shown beside it: it is far less disturbed by other processes taking
 * cores away, so it tells a real overhead from noise when the machine is busy.
 *
 * <p>Cases: CPU-bound count-primes (few events: the lock switches every 5 ms) and two that record
 * heavily — io-latency at a 0.5 ms switch interval (hand-offs, I/O waits, drop requests every few
 * hundred microseconds) and shared-counter with check points at every step (a lost-update event for
 * every overwritten write).
 */
public final class RecordingOverheadBench {

    static final double TARGET = 0.03;

    /** One line of the table: a workload, its size and how it runs. */
    private record Case(String label, String workload, WorkloadParams params, RunSettings settings, Mode mode) {}

    private final BenchRunner runner;
    private final List<Case> cases;
    private final int pairs;

    public RecordingOverheadBench(BenchRunner runner, BenchSizes sizes) {
        this.runner = runner;
        this.pairs = sizes.overheadPairs();
        RunSettings defaults = RunSettings.defaults();
        LockSettings lock = defaults.lock();
        this.cases = List.of(
                new Case("count-primes gil-threads", "count-primes", sizes.overhead(), defaults, Mode.GIL_THREADS),
                new Case("count-primes free-threads", "count-primes", sizes.overhead(), defaults, Mode.FREE_THREADS),
                new Case("io-latency gil-threads 0.5 ms", "io-latency", sizes.latency(),
                        defaults.withLock(lock.withInterval(500_000)), Mode.GIL_THREADS),
                new Case("shared-counter every-step gil-threads", "shared-counter", sizes.counter(),
                        defaults.withLock(lock.withCheckpoints(LockSettings.CheckpointPlacement.EVERY_STEP)), Mode.GIL_THREADS));
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
        TextTable table = new TextTable("<case", "wall on", "wall off", "overhead", "spread of runs", "CPU overhead",
                "events/run", "other load", "<target", "<verdict");
        for (Case c : cases) {
            Side on = new Side(pairs);
            Side off = new Side(pairs);
            long events = 0;
            boolean failed = false;
            ModeResult[] all = new ModeResult[2 * pairs];
            for (int i = 0; i < pairs; i++) {
                String label = Stats.fmt("recording overhead %s %d/%d", c.label(), i + 1, pairs);
                all[2 * i] = once(label + " on", c, c.settings().withRecording(true), on, i);
                all[2 * i + 1] = once(label + " off", c, c.settings().withRecording(false), off, i);
                failed |= !all[2 * i].resultOk() || !all[2 * i + 1].resultOk();
                events += recorded(all[2 * i]);
            }
            String load = OtherLoad.format(runner.medianOtherLoad(List.of(all)));
            if (failed) {
                table.row(c.label(), null, null, null, null, null, null, load, "≤ 3%", "FAILED");
                continue;
            }
            double wallOn = Stats.median(on.wall);
            double wallOff = Stats.median(off.wall);
            double overhead = wallOn / wallOff - 1;
            double cpuOverhead = Stats.median(on.cpu) / Stats.median(off.cpu) - 1;
            table.row(c.label(), Stats.seconds((long) wallOn), Stats.seconds((long) wallOff),
                    Stats.percent(overhead), Stats.fmt("%.0f%%", 100 * spread(on.wall, off.wall)),
                    Stats.percent(cpuOverhead), Stats.grouped(events / pairs), load, "≤ 3%",
                    overhead <= TARGET ? "within" : "outside");
        }
        out.println(Stats.fmt("whole-run recording overhead (2 workers; %d interleaved on/off pairs per case; ratio of "
                + "median wall times)", pairs));
        table.print(out);
        out.println("(spread: (max − min) / median of the runs of each side, the larger side — the noise to read the "
                + "overhead against; CPU overhead: the same ratio for the workers' CPU time; other load: cores other "
                + "processes kept busy, median over the runs)");
    }

    private ModeResult once(String label, Case c, RunSettings settings, Side side, int index) {
        ModeResult r = runner.runOne(label, c.workload(), c.params(), settings, c.mode());
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
