package dev.gilscope.cli.bench;

import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.runtime.LockSettings;
import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.runtime.RunSettings;
import dev.gilscope.workload.Outcome;
import dev.gilscope.workload.WorkloadParams;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/**
 * Section 4: one row per lesson, gilscope's figure from this run next to CPython's (DESIGN §1,
 * measured on a 2-core x86-64 machine) and a target band. Runs that are compared with each other run
 * back to back; rows are printed in lesson order.
 */
public final class FidelityBench {

    /** The order rows are printed in. */
    private static final List<String> LESSONS = List.of("L1", "L8", "L4", "L5", "L6", "L7", "L9", "L10");

    /**
     * One row of the table.
     *
     * @param value the figure the verdict is taken on, NaN when a run it needs failed
     * @param shown the figure as printed
     * @param runs the runs the figure comes from, each with the name it is shown under
     */
    private record Row(String lesson, String figure, double value, String shown, String cpython, Band target,
                       List<Named> runs) {}

    /** A run as the wall-time column shows it: "free-threads(4) 0.612 s" and an optional note after. */
    private record Named(String name, ModeResult result, String note) {
        Named(String name, ModeResult result) {
            this(name, result, "");
        }
    }

    private final BenchRunner runner;
    private final BenchSizes sizes;
    private final RunSettings base = RunSettings.defaults();
    private final List<Row> rows = new ArrayList<>();

    public FidelityBench(BenchRunner runner, BenchSizes sizes) {
        this.runner = runner;
        this.sizes = sizes;
    }

    public void run(PrintStream out) {
        cpuBound();
        nativeCode();
        io();
        ioLatency();
        sharedCounter();
        rows.sort(Comparator.comparingInt(r -> LESSONS.indexOf(r.lesson())));

        out.println(Stats.fmt("fidelity to CPython (figures from this run; CPython's from DESIGN §1, 2-core x86-64; "
                        + "count-primes %s · matrix-native %s · io-wait %s ms · io-latency %s, at 50 ms %s · "
                        + "shared-counter %s)", shape(sizes.cpuBound()), shape(sizes.matrix()), shape(sizes.io()),
                shape(sizes.latency()), shape(sizes.latencyLong()), shape(sizes.counter())));
        TextTable table = new TextTable("<lesson", "<figure", "gilscope", "<CPython", "<target", "<verdict",
                "other load", "<wall times");
        for (Row r : rows) {
            ModeResult[] results = r.runs().stream().map(Named::result).toArray(ModeResult[]::new);
            table.row(r.lesson(), r.figure(), r.shown(), r.cpython(), r.target().text(), r.target().verdict(r.value()),
                    OtherLoad.format(runner.worstOtherLoad(results)), walls(r.runs()));
        }
        table.print(out);
        out.println("(other load: the most cores that other processes or virtual machines kept busy during any run of "
                + "the row; figures that need both cores read low when it is well above 0)");
    }

    // ---- L1, L7, L8, L10: count-primes, back to back so they share one sequential baseline ----

    private void cpuBound() {
        WorkloadParams p = sizes.cpuBound();
        ComparisonResult main = runner.run("L1/L8 count-primes", "count-primes", p, base.withWorkers(2),
                List.of(Mode.SEQUENTIAL, Mode.GIL_THREADS, Mode.FREE_THREADS));
        Named sequential = new Named("sequential", main.modes().get(0));
        Named free2 = new Named("free-threads(2)", main.modes().get(2));
        rows.add(speedup("L1", "count-primes, gil-threads(2) speed-up", sequential,
                new Named("gil-threads(2)", main.modes().get(1)), "1.02× (3.11)", Band.between(0.8, 1.2, "0.8–1.2×")));
        rows.add(speedup("L8", "count-primes, free-threads(2) speed-up", sequential, free2, "1.75× (Pool(2))",
                Band.atLeast(1.7, "≥ 1.7×")));

        RunSettings legacy = base.withWorkers(2).withLock(base.lock().withAlgorithm(LockSettings.Algorithm.LEGACY));
        ModeResult legacyGil = runner.runOne("L7 count-primes legacy GIL", "count-primes", p, legacy, Mode.GIL_THREADS);
        rows.add(speedup("L7", Stats.fmt("count-primes, legacy GIL (%d ticks) gil-threads(2) speed-up",
                        legacy.lock().legacyTicks()), sequential, new Named("gil-threads(2) legacy", legacyGil),
                "0.69× (2.7)", Band.below(1, "< 1×")));

        for (int workers : new int[] {4, 8}) {
            ModeResult freeN = runner.runOne("L10 count-primes " + workers + " workers", "count-primes", p,
                    base.withWorkers(workers), Mode.FREE_THREADS);
            rows.add(speedup("L10", Stats.fmt("count-primes, free-threads(%d) vs free-threads(2)", workers), free2,
                    new Named("free-threads(" + workers + ")", freeN), "–", Band.between(0.8, 1.1, "0.8–1.1×")));
        }
    }

    // ---- L4: native code that releases the lock; L5: I/O-bound ----

    private void nativeCode() {
        ComparisonResult r = runner.run("L4 matrix-native", "matrix-native", sizes.matrix(), base.withWorkers(4),
                List.of(Mode.SEQUENTIAL, Mode.GIL_THREADS));
        rows.add(speedup("L4", "matrix-native, gil-threads(4) speed-up", new Named("sequential", r.modes().get(0)),
                new Named("gil-threads(4)", r.modes().get(1)), "1.55× (NumPy)", Band.between(1.3, 2.1, "1.3–2.1×")));
    }

    private void io() {
        ComparisonResult r = runner.run("L5 io-wait", "io-wait", sizes.io(), base.withWorkers(4),
                List.of(Mode.SEQUENTIAL, Mode.GIL_THREADS));
        rows.add(speedup("L5", Stats.fmt("io-wait %d × %d ms, gil-threads(4) speed-up", sizes.io().tasks(),
                        sizes.io().size()), new Named("sequential", r.modes().get(0)),
                new Named("gil-threads(4)", r.modes().get(1)), "3.98×", Band.atLeast(3.6, "≥ 3.6× (0.9 N)")));
    }

    // ---- L6: switch interval and I/O latency ----

    private void ioLatency() {
        ModeResult alone = runner.runOne("L6 io-latency", "io-latency", sizes.latency(), base, Mode.SEQUENTIAL);
        rows.add(latencyRow("io-latency p50 extra wake-up, sequential (no contention)", new Named("sequential", alone),
                "–", Band.below(0.5, "< 0.5 ms")));
        double[] intervals = {0.5, 5, 50};
        double[] cpython = {1.2, 14, 100};
        for (int i = 0; i < intervals.length; i++) {
            WorkloadParams p = intervals[i] >= 50 ? sizes.latencyLong() : sizes.latency();
            RunSettings s = base.withWorkers(2).withLock(base.lock().withInterval(Math.round(intervals[i] * 1e6)));
            ModeResult r = runner.runOne(Stats.fmt("L6 io-latency interval %s ms", Stats.plain(intervals[i])), "io-latency",
                    p, s, Mode.GIL_THREADS);
            Band band = Band.withinTwiceOf(cpython[i], Stats.fmt("%s–%s ms", Stats.plain(cpython[i] / 2), Stats.plain(cpython[i] * 2)));
            rows.add(latencyRow(Stats.fmt("io-latency p50 extra wake-up, gil-threads(2), interval %s ms",
                    Stats.plain(intervals[i])), new Named("gil-threads(2)", r), "≈ " + Stats.plain(cpython[i]) + " ms", band));
        }
    }

    private static Row latencyRow(String figure, Named run, String cpython, Band target) {
        ModeResult r = run.result();
        Outcome.LatencySummary latency = r.resultOk() ? r.outcome().ioLatency() : null;
        Named shown = latency == null ? run : new Named(run.name(), r, Stats.fmt(", %d samples, p99 %.2f ms",
                latency.samples(), latency.p99Millis()));
        return new Row("L6", figure, latency == null ? Double.NaN : latency.p50Millis(),
                latency == null ? "FAILED" : Stats.fmt("%.2f ms", latency.p50Millis()), cpython, target, List.of(shown));
    }

    // ---- L9: counter += 1 ----

    private void sharedCounter() {
        WorkloadParams p = sizes.counter();
        long total = (long) p.tasks() * p.size();
        LockSettings lock = base.lock();
        record Case(String figure, String label, LockSettings lock, Mode mode, String cpython, Band target) {}
        List<Case> cases = List.of(
                new Case("gil-threads(2), check points at back-edges", "back-edges",
                        lock.withCheckpoints(LockSettings.CheckpointPlacement.BACK_EDGES), Mode.GIL_THREADS,
                        "0 (3.10+)", Band.between(0, 0, "0")),
                new Case("gil-threads(2), check points at every step", "every-step",
                        lock.withCheckpoints(LockSettings.CheckpointPlacement.EVERY_STEP), Mode.GIL_THREADS,
                        "0.5–0.8 M (3.6/3.9)", Band.between(0.25e6, 1.6e6, "0.25–1.6 M")),
                new Case("free-threads(2)", "free-threads", lock, Mode.FREE_THREADS, "–", Band.atLeast(1, "> 0")));
        for (Case c : cases) {
            ModeResult r = runner.runOne("L9 shared-counter " + c.label(), "shared-counter", p,
                    base.withWorkers(2).withLock(c.lock()), c.mode());
            Long lost = r.resultOk() ? r.outcome().lostUpdates() : null;
            rows.add(new Row("L9", Stats.fmt("shared-counter updates lost of %s, %s", Stats.millions(total), c.figure()),
                    lost == null ? Double.NaN : lost, lost == null ? "FAILED" : Stats.millions(lost), c.cpython(),
                    c.target(), List.of(new Named(c.mode().cliName() + "(2)", r))));
        }
    }

    // ---- helpers ----

    /** A speed-up row: wall time of {@code baseline} divided by that of {@code measured}. */
    private static Row speedup(String lesson, String figure, Named baseline, Named measured, String cpython, Band target) {
        ModeResult b = baseline.result();
        ModeResult m = measured.result();
        double ratio = b.resultOk() && m.resultOk() && m.wallNanos() > 0 ? (double) b.wallNanos() / m.wallNanos()
                : Double.NaN;
        return new Row(lesson, figure, ratio, Double.isNaN(ratio) ? "FAILED" : Stats.times(ratio), cpython, target,
                List.of(baseline, measured));
    }

    /** "sequential 2.410 s · gil-threads(2) 2.460 s". */
    private static String walls(List<Named> runs) {
        StringJoiner joined = new StringJoiner(" · ");
        for (Named run : runs) {
            ModeResult r = run.result();
            joined.add(run.name() + " " + (r.resultOk() ? Stats.seconds(r.wallNanos()) : "FAILED") + run.note());
        }
        return joined.toString();
    }

    private static String shape(WorkloadParams p) {
        return p.tasks() + " × " + Stats.grouped(p.size());
    }
}
