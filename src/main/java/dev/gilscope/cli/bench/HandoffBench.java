package dev.gilscope.cli.bench;

import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.runtime.RunSettings;
import dev.gilscope.trace.LockCounters;
import dev.gilscope.trace.LockStatistics;
import dev.gilscope.workload.WorkloadParams;
import java.io.PrintStream;

/**
 * Section 3: how long the lock takes to change hands between two CPU-bound threads, from the
 * HANDOFF events of one gil-threads run (their arg: ns from the drop to the next holder running).
 */
public final class HandoffBench {

    static final String WORKLOAD = "count-primes";
    static final double TARGET_P50_MICROS = 50;

    private final BenchRunner runner;
    private final WorkloadParams params;

    public HandoffBench(BenchRunner runner, BenchSizes sizes) {
        this.runner = runner;
        this.params = sizes.handoff();
    }

    public void run(PrintStream out) {
        RunSettings settings = RunSettings.defaults().withWorkers(2);
        ModeResult r = runner.runOne("hand-off latency", WORKLOAD, params, settings, Mode.GIL_THREADS);
        out.println(Stats.fmt("lock hand-off latency (%s gil-threads, %d tasks × %s, 2 workers, switch interval %s ms; "
                        + "from the drop to the next holder running)", WORKLOAD, params.tasks(),
                Stats.grouped(params.size()), Stats.plain(settings.lock().intervalNanos() / 1e6)));
        TextTable table = new TextTable("wall", "hand-offs", "drop requests", "forced switches", "samples", "p50 µs",
                "p90 µs", "p99 µs", "max µs", "other load", "<target", "<verdict");
        if (!r.resultOk()) {
            table.row(null, null, null, null, null, null, null, null, null, null, "p50 ≤ 50 µs", "FAILED");
        } else {
            LockCounters c = r.lock().counters();
            LockStatistics.Distribution d = r.lock().handoffMicros();
            table.row(Stats.seconds(r.wallNanos()), Stats.grouped(c.handoffs()), Stats.grouped(c.dropRequests()),
                    Stats.grouped(c.forcedSwitches()), Stats.grouped(d.samples()), Stats.fmt("%.1f", d.p50()),
                    Stats.fmt("%.1f", d.p90()), Stats.fmt("%.1f", d.p99()), Stats.fmt("%.1f", d.max()),
                    OtherLoad.format(runner.otherLoad(r)), "p50 ≤ 50 µs", d.samples() == 0 ? "no samples" : d.p50() <= TARGET_P50_MICROS ? "within" : "outside");
        }
        table.print(out);
    }
}
